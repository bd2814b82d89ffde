"""A small world for the parser's tests: things that share words, people of each gender,
a plural, containers, something worn, scenery in the descriptions, and world verbs that
take a single thing for actions the engine takes several for.

Pip stands in the parlour holding a blue cup, a key and a scarf (worn); the red and the
green cups, the coins, the glass bowl, a glass, a box (with a marble), the parlour palm,
a toy soldier and two spoons of the same name lie there; the butler, Maud, an old lady
in gray and a soldier are there too. The twins wait in the hall; the hall closet is known.
"""

from __future__ import annotations

WORLD = """
world: {id: parlour, title: "Parlour", intro: "Tea is served.", player: pip}
places:
  - id: parlour
    name: "the parlour"
    nouns: [parlour, room]
    known: true
    description:
      - text: "A stuffy parlour. A portrait of a general glowers over the fireplace; a
          photograph of the twins stands beside it. French windows open on the garden."
      - {text: "Rain streaks the glass.", when: {flag: raining}}
    exits: {north: hall, east: garden}
  - id: hall
    name: "the hall"
    nouns: [hall]
    known: true
    exits: {south: parlour}
  - id: closet
    name: "the hall closet"
    nouns: [closet]
    adjectives: [hall]
    known: true
  - id: garden
    name: "the rose garden"
    nouns: [garden]
    adjectives: [rose]
    exits: {west: parlour}
people:
  - {id: pip, name: "Pip", nouns: [pip, me, myself], gender: her, at: parlour}
  - {id: butler, name: "butler", proper: false, nouns: [butler, gray], gender: him,
     at: parlour}
  - {id: maud, name: "Maud", nouns: [maud, maid], gender: her, at: parlour}
  - {id: lady, name: "old lady", proper: false, nouns: [lady], adjectives: [gray],
     gender: her, at: parlour}
  - {id: soldier, name: "soldier", proper: false, nouns: [soldier], gender: him,
     at: parlour}
  - {id: twins, name: "twins", proper: false, nouns: [twins], gender: them, plural: true,
     at: hall, topics: [{id: weather, words: [drizzle], text: "Wet."}]}
things:
  - {id: red_cup, name: "red cup", nouns: [cup], adjectives: [red, china], at: parlour}
  - {id: blue_cup, name: "blue cup", nouns: [cup], adjectives: [blue], at: pip}
  - {id: green_cup, name: "green cup", nouns: [cup], adjectives: [green, china],
     at: parlour}
  - {id: coins, name: "coins", nouns: [coins], plural: true, at: parlour}
  - {id: bowl, name: "glass bowl", nouns: [bowl], adjectives: [glass], at: parlour}
  - {id: glass, name: "glass", nouns: [glass], at: parlour}
  - id: box
    name: "oak box"
    nouns: [box]
    adjectives: [oak]
    at: parlour
    container: true
    description: "Carved with acorns and squirrels."
  - {id: marble, name: "marble", nouns: [marble], at: box}
  - {id: palm, name: "parlour palm", nouns: [palm], adjectives: [parlour], at: parlour,
     portable: false}
  - {id: rug, name: "rug", nouns: [rug], at: parlour, scenery: true}
  - {id: toy, name: "toy soldier", nouns: [soldier, toy], adjectives: [toy], at: parlour}
  - {id: spoon_a, name: "spoon", nouns: [spoon], at: parlour}
  - {id: spoon_b, name: "spoon", nouns: [spoon], at: parlour}
  - {id: key, name: "key", nouns: [key], at: pip}
  - {id: scarf, name: "scarf", nouns: [scarf], at: pip, wearable: true, worn: true}
  - {id: shawl, name: "red shawl", nouns: [shawl], adjectives: [red], at: pip,
     wearable: true}
  - {id: other_shawl, name: "grey shawl", nouns: [shawl], adjectives: [grey], at: parlour,
     wearable: true}
interactions:
  - {verb: polish, target: red_cup, when: {flag: polish_red}, text: "It shines."}
  - {verb: polish, target: green_cup, text: "It gleams."}
  - {verb: polish, target: glass, when: {flag: polishing}, text: "Clear."}
  - {verb: polish, target: bowl, when: {flag: polishing}, text: "Clearer."}
  # the verbs below that only these answer (a verb nothing answers is an error)
  - {verb: sip, text: "A sip."}
  - {verb: engrave, text: "You scratch at it."}
  - {verb: wind, text: "Tick, tick."}
verbs:
  polish: ["polish {thing}"]
  sip: ["sip from {held}"]
  drink: ["down {thing}"]
  engrave: ["engrave {thing} with {text}"]
  wind: ["wind {thing} for {number} {unit}"]
  push: ["push {thing} {direction}"]
  drop: ["toss {thing}"]
  put_in: ["tuck {thing} in {thing}"]
  put_on: ["rest {thing} on {thing}"]
  give: ["present {thing} to {person}"]
  wear: ["try on {thing}"]
  remove: ["shed {thing}"]
endings:
  - {id: never, when: {flag: never_set}, won: true, text: "The end."}
"""
