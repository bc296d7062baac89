"""Actor and Mention records, CAMEO-style codes and the export form."""

from __future__ import annotations

from detente.actors.model import PLACE, Actor, Mention, code_for, to_record


def test_codes_join_country_and_sector_with_dashes_for_an_unknown_country() -> None:
    assert code_for("RUS", "GOV") == "RUSGOV"
    assert code_for("RUS", None) == "RUS"
    assert code_for(None, "MIL") == "---MIL"


def test_a_place_mention_is_flagged() -> None:
    moscow = Actor("Moscow", "RUSCVL", "RUS", "CVL", "Moscow")
    assert Mention(10, 16, moscow, PLACE).place
    assert not Mention(10, 16, moscow, "metonym").place


def test_records_carry_exactly_the_schema_keys() -> None:
    actor = Actor(
        "Vladimir Putin", "RUSGOV", "RUS", "GOV", "Mr Putin", "vladimir_putin", "president"
    )
    assert to_record(actor) == {
        "name": "Vladimir Putin",
        "code": "RUSGOV",
        "country": "RUS",
        "sector": "GOV",
        "text": "Mr Putin",
    }
