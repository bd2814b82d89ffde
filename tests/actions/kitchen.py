"""A small world for the standard actions' tests: things to eat, drink, push, smell and
look things up in, with no story in the way.

Ada stands in a farm kitchen that smells of woodsmoke, holding a flask of water and a
stone. An apple, a pie (too hot to eat until the damper lever is pulled), a bread bowl
with a spoon in it, a rope, a rose, a bell that hums, a crate, a dial, an almanac and a
fixed post are there; so are the twins, and Bert, with a loaf on show (as a merchant's
wares are). Out in the yard is a well. Interactions give pulling the lever, kissing Bert,
giving him the flask or the crate and consulting the almanac a meaning, so the world's
answer can be seen to come first. The apple and the flask say what they are as fields
(`edible: true`), the rest as props (`props: {edible: true}`): both must work.
"""

from __future__ import annotations

WORLD = """
world: {id: kitchen, title: "Kitchen", intro: "Supper is late.", player: ada}
places:
  - id: kitchen
    name: "the farm kitchen"
    nouns: [kitchen]
    description: "A low room with a black range."
    props: {smell: "Woodsmoke and onions."}
    exits: {out: yard}
  - id: yard
    name: "the yard"
    nouns: [yard]
    exits: {in: kitchen}
people:
  - {id: ada, name: "Ada", nouns: [ada, me, myself], gender: her, at: kitchen}
  - {id: bert, name: "Bert", nouns: [bert], gender: him, at: kitchen,
     props: {merchant: true}}
  - {id: twins, name: "twins", proper: false, plural: true, nouns: [twins], at: kitchen}
things:
  - {id: apple, name: "apple", nouns: [apple], at: kitchen, edible: true}
  - {id: pie, name: "pie", nouns: [pie], at: kitchen, props: {edible: true}}
  - {id: bowl, name: "bread bowl", nouns: [bowl], adjectives: [bread], at: kitchen,
     container: true, props: {edible: true}}
  - {id: spoon, name: "spoon", nouns: [spoon], at: bowl}
  - {id: loaf, name: "loaf", nouns: [loaf], at: bert, props: {edible: true}}
  - {id: flask, name: "flask of water", nouns: [flask, water], at: ada, drinkable: true}
  - {id: well, name: "well", nouns: [well], at: yard, portable: false,
     props: {drinkable: true}}
  - {id: stone, name: "stone", nouns: [stone], at: ada}
  - {id: rope, name: "rope", nouns: [rope], at: kitchen}
  - {id: rose, name: "rose", nouns: [rose], at: kitchen,
     props: {smell: "Sweet, and a little dusty."}}
  - {id: bell, name: "bell", nouns: [bell], at: kitchen,
     props: {sound: "It hums, very faintly."}}
  - {id: crate, name: "crate", nouns: [crate], at: kitchen}
  - {id: dial, name: "dial", nouns: [dial], at: kitchen, portable: false}
  - {id: almanac, name: "almanac", nouns: [almanac], at: kitchen}
  - {id: post, name: "post", nouns: [post], at: kitchen, portable: false}
  - {id: lever, name: "damper lever", nouns: [lever], adjectives: [damper], at: kitchen,
     portable: false}
interactions:
  - verb: pull
    target: lever
    text: "The damper clanks shut and the range settles."
    effects: [{set: {damper_shut: true}}]
  - verb: eat
    target: pie
    when: {flag: damper_shut}
    refusal: "The pie is still too hot to touch."
    text: "You eat a slice of the pie, now it has cooled."
  - verb: kiss
    target: bert
    text: "Bert goes pink to the ears."
  - verb: give
    target: flask
    second: bert
    text: "Bert takes a swig and hands the flask back."
  - verb: give
    target: crate
    second: bert
    text: "Bert shrugs at the crate."
  - verb: consult
    target: almanac
    text: "The almanac says the frost comes early this year."
endings:
  - {id: never, when: {flag: never_set}, won: true, text: "The end."}
"""
