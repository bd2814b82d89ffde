"""A small world for data rules, counters, responses and varying names.

Hugo stands in the hall (a lamp lies there; he wears a hat). Below is the cellar, dark
unless the lamp is there: its name is then "Darkness", and anything Hugo does there but
climbing back up makes him stumble (a wrong way counts twice). The yard to the east has an
apple, a pebble and a cat. Three stumbles and the story ends badly. The world replaces two
responses declared here, as an action module would declare them.
"""

from __future__ import annotations

from kage.core.responses import response

RESPONSES = (
    response("testing.cellar", "{The noun} is here."),
    response("testing.cellar_moods", "Fine."),
)

WORLD = """
world: {id: cellar, title: "Cellar", intro: "Rain on the roof.", player: hugo}
counters: {stumbles: 0, patience: 2}
action_kinds:
  handling: [take, drop]
places:
  - id: hall
    name: "hall"
    exits: {down: cellar, east: yard}
  - id: cellar
    name:
      - {text: "Darkness", when: {not: {present: lamp}}}
      - text: "wine cellar"
    exits: {up: hall}
  - id: yard
    name: "yard"
    exits: {west: hall}
people:
  - {id: hugo, name: "Hugo", at: hall, gender: him}
  - {id: cat, name: "cat", proper: false, at: yard, gender: her}
things:
  - {id: lamp, name: "brass lamp", nouns: [lamp], at: hall}
  - {id: hat, name: "felt hat", nouns: [hat], at: hugo, wearable: true, worn: true}
  - {id: note, name: "note", at: cellar}
  - {id: apple, name: "apple", at: yard, props: {edible: true}}
  - {id: pebble, name: "pebble", at: yard}
rules:
  - name: blundering into the racks
    phase: before
    action: go
    except: [{direction: up}]
    when: {at: cellar, not: {present: lamp}}
    effects: [{increment: stumbles}]
  - name: stumbling in the dark
    phase: instead
    action: any
    except: [{action: go, direction: up}]
    when: {at: cellar, not: {present: lamp}}
    say: "You grope about blindly and bark your shin on something."
    effects: [{increment: stumbles}]
  - name: keeping the hat on
    phase: check
    action: drop
    noun: hat
    when: {not: {at: hall}}
    say: "Not out here: {the noun} would be ruined."
  - phase: instead
    action: take
    noun: {kind: person}
    say: "{The noun} will not be carried."
  - phase: instead
    action: take
    noun: {prop: {edible: true}}
    say: "{The noun} is better left to ripen."
  - phase: after
    action: take
    noun: lamp
    say: "You lift {the noun}; the flame steadies."
  - phase: after
    action: drop
    noun: lamp
    say: "{The noun} wobbles as it lands."
    stop: false
  - phase: report
    action: look
    when: {at: yard}
    say: "Wind stirs the weeds."
  - phase: report
    action: inventory
    first: true
    say: "You pat your pockets."
  - phase: report
    action: wait
    effects: [{add: {patience: -1}}]
    say: "Patience left: {{counter:patience}}."
  - phase: check
    action: handling
    noun: pebble
    when: {counter: {patience: {below: 1}}}
    say: "You have lost interest in {the noun}."
  - phase: after
    action: wear
    noun: hat
    effects: [{set: {hat_on: true}}]
  - phase: instead
    action: sing
    effects: [{add: {patience: 1}}]
  - name: a lucky hop
    phase: instead
    action: jump
    when: {chance: 0.5}
    say: "You hop, and land well."
responses:
  testing.cellar: "{The noun} is in {here}."
  testing.cellar_moods:
    - {text: "Rattled.", when: {counter: {stumbles: {min: 1}}}}
    - text: "Calm."
endings:
  - {id: bruised, won: false, text: "Bruised all over, you give up.",
     when: {counter: {stumbles: {min: 3}}}}
"""
