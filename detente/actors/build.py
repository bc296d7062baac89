"""Actors made from dictionary records, with the codes and roles that hold on a given day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from detente.actors.dictionary import Dictionary, Metonym, Organization, Person
from detente.actors.model import Actor, code_for

FORMER = "ELI"
"""The sector of a person who held office before the day and holds none on it (CAMEO's elites)."""


@dataclass(frozen=True, slots=True)
class Owner:
    """Whose agent or official a phrase names: a country (ISO-3) or an international body."""

    country: str
    organization: Organization | None = None

    @property
    def key(self) -> str:
        """The code that tells owners apart: the ISO-3 code or the organisation's code."""
        return self.organization.code if self.organization else self.country


class Builder:
    """Makes actors for one article's date from the dictionary's records."""

    def __init__(self, dictionary: Dictionary, on: date) -> None:
        self.dictionary = dictionary
        self.on = on

    def person(self, person: Person, text: str) -> Actor:
        """A known person, coded by the office held on the day (or the last one, as former)."""
        role = self.dictionary.person_role(person.id, self.on)
        if role is not None:
            country = self._entity(role.country)
            return Actor(person.name, role.code, country, role.sector, text, person.id, role.role)
        before = [spell for spell in person.roles if spell.start <= self.on]
        spell = before[-1] if before else person.roles[0]
        country = self._entity(spell.country)
        sector = FORMER if before else None
        return Actor(person.name, code_for(country, sector), country, sector, text, person.id)

    def titled(self, person: Person, text: str, title: str | None, former: bool = False) -> Actor:
        """A known person named with a title: the office on the day, else the one the title names.

        "President Obama" in a text dated before or after his presidency is still coded as
        president; "former President Obama" is coded as a former official (ELI).
        """
        actor = self.person(person, text)
        if actor.role is not None or title is None:
            return actor
        spells = [spell for spell in person.roles if spell.role == title]
        if not spells:
            return actor
        before = [spell for spell in spells if spell.start <= self.on]
        spell = before[-1] if before else spells[0]
        country = self._entity(spell.country)
        if former:
            return Actor(person.name, code_for(country, FORMER), country, FORMER, text, person.id)
        return Actor(person.name, spell.code, country, spell.sector, text, person.id, spell.role)

    def leads(self, actor: Actor) -> bool:
        """Whether a person actor was their country's leader on the day."""
        if actor.person is None:
            return actor.role == "leader"
        person = self.dictionary.person(actor.person)
        return person is not None and any(role.leader for role in person.roles_on(self.on))

    def country(self, code: str, text: str) -> Actor:
        """A state as a whole ("Russia"): its ISO-3 code and no sector."""
        found = self.dictionary.country(code)
        return Actor(found.name if found else code, code, code, None, text)

    def owned(self, owner: Owner, sector: str | None, text: str, role: str | None = None) -> Actor:
        """A branch or group of a country or body ("Chinese troops", "EU officials").

        Its name is the country's or body's ("China"); an unnamed official keeps the words.
        """
        org = owner.organization
        if role is not None:
            name = " ".join(text.split())
        elif org is not None:
            name = org.name
        else:
            country = self.dictionary.country(owner.country)
            name = country.name if country else owner.country
        if org is not None:
            return Actor(name, org.actor_code, org.country, sector or org.sector, text, role=role)
        return Actor(name, code_for(owner.country, sector), owner.country, sector, text, role=role)

    def unowned(self, sector: str, text: str, role: str | None = None) -> Actor:
        """A group or official whose country is not known ("---GOV" officials)."""
        return Actor(" ".join(text.split()), code_for(None, sector), None, sector, text, role=role)

    def metonym(self, metonym: Metonym, text: str) -> Actor:
        """The actor a capital or seat of power stands for ("the Kremlin" → RUSGOV)."""
        org = self.dictionary.organization(metonym.code)
        if org is not None:
            return Actor(org.name, org.actor_code, org.country, org.sector, text)
        country = self.dictionary.country(metonym.code[:3])
        name = country.name if country else metonym.names[0].text
        return Actor(name, metonym.code, metonym.code[:3], metonym.code[3:], text)

    def organization(self, org: Organization, text: str) -> Actor:
        """An international or named national body."""
        sector = org.sector or (org.code[3:6] if org.national else None)
        return Actor(org.name, org.actor_code, org.country, sector, text)

    def place(self, country: str, sector: str | None, name: str, text: str) -> Actor:
        """A location, coded with its country (and CVL for a city, as PLOVER codes cities)."""
        return Actor(name, code_for(country, sector), country, sector, text)

    def owner_of(self, code: str) -> Owner:
        """The owner a country or organisation code denotes."""
        org = self.dictionary.organization(code)
        if org is None:
            return Owner(code[:3])
        return Owner(code[:3], None) if org.national else Owner(org.country, org)

    def _entity(self, code: str) -> str:
        """The country field for a spell's country: ISO-3, or an organisation's entity."""
        org = self.dictionary.organization(code)
        return org.country if org is not None else code
