"""A small world with a council of four and an exile edict, for the council's and the
edicts' tests. The vote is taken at the start.

Support for the motion (threshold 0.5; guilt x 1.0, fear_of_fire x 0.6, mercy x -1.0,
bond to Wren x -2.0 / 100):
    Ash (chair)  mercy 1.0                     -> -1.0  against (strongest: mercy)
    Birch        guilt 1.0                     ->  1.0  for     (guilt)
    Cedar        guilt 0.3, fear_of_fire 1.0   ->  0.9  for     (fear_of_fire)
    old Dell     guilt 0.75, mercy 0.25        ->  0.5  against (mercy): exactly the threshold
so the motion fails 2 to 2 unless a bond moves old Dell.
"""

from __future__ import annotations

WORLD = """
world: {id: moot, title: "Moot", intro: "The elders have met.", player: wren, extensions: [council]}
start:
  - council_vote: exile_wren
places:
  - id: hall
    name: "the hall"
    nouns: [hall]
    zones: [town]
    exits: {south: green}
  - id: green
    name: "the green"
    nouns: [green]
    zones: [town]
    exits: {north: hall, south: fields}
  - id: fields
    name: "the fields"
    nouns: [fields]
    zones: [farm_land]
    exits: {north: green, south: road}
  - id: road
    name: "the road"
    nouns: [road]
    exits: {north: fields, south: wilds}
  - id: wilds
    name: "the wilds"
    nouns: [wilds]
    exits: {north: road}
people:
  - {id: wren, name: "Wren", nouns: [wren, me], gender: her, at: hall}
  - {id: ash, name: "Ash", nouns: [ash], gender: him, at: hall}
  - {id: birch, name: "Birch", nouns: [birch], gender: her, at: hall}
  - {id: cedar, name: "Cedar", nouns: [cedar], gender: him, at: hall}
  - {id: dell, name: "old Dell", nouns: [dell], adjectives: [old], gender: him, at: hall}
councils:
  - id: elders
    name: "the elders"
    members:
      - {who: ash, chair: true, beliefs: {mercy: 1.0}}
      - {who: birch, beliefs: {guilt: 1.0}}
      - {who: cedar, beliefs: {guilt: 0.3, fear_of_fire: 1.0}}
      - {who: dell, beliefs: {guilt: 0.75, mercy: 0.25}}
motions:
  - id: exile_wren
    council: elders
    subject: wren
    charge: "burning the granary"
    weights: {guilt: 1.0, fear_of_fire: 0.6, mercy: -1.0}
    bond_weight: -2.0
    threshold: 0.5
    reasons: {guilt: "{is} sure she did it", mercy: "would forgive her"}
    edict:
      id: exile
      deadline: 1d
      zones: [town, farm_land]
      penalty: hanged
      returning: hanged_for_returning
      duration: "for seven winters"
      area: "the town and its fields"
      punishment: "the rope"
      on_leave:
        - set: {left_town: true}
  - id: plain_exile
    council: elders
    subject: wren
    charge: "trespass"
    weights: {guilt: 1.0}
    threshold: -5
    edict:
      deadline: 3h
      zones: [town, farm_land]
      penalty: put_in_stocks
endings:
  - {id: hanged, won: false, text: "The deadline passed; they hanged you."}
  - {id: hanged_for_returning, won: false, text: "You came back; they hanged you."}
  - {id: put_in_stocks, won: false, text: "The stocks."}
  - {id: never, when: {flag: never_set}, won: true, text: "The end."}
"""
