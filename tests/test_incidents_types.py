import pytest

from factories import phrase_hits
from kharita.errors import ConfigurationError
from kharita.incidents.types import find_triggers, get_type, registry


@pytest.mark.parametrize(
    ("name", "event", "sub"),
    [
        ("air_strike", "Explosions/Remote violence", "Air/drone strike"),
        ("ied", "Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ("suicide_bombing", "Explosions/Remote violence", "Suicide bomb"),
        ("armed_clash", "Battles", "Armed clash"),
        ("kidnapping", "Violence against civilians", "Abduction/forced disappearance"),
        ("arrest_raid", "Strategic developments", "Arrests"),
        ("downed_drone", "Strategic developments", "Disrupted weapons use"),
    ],
)
def test_types_acled_mapping(name: str, event: str, sub: str) -> None:
    t = get_type(name)
    assert (t.acled_event_type, t.acled_sub_event_type) == (event, sub)


def test_types_unknown_lists_options() -> None:
    with pytest.raises(ConfigurationError, match="options are: .*air_strike"):
        get_type("meteor")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قصف جوي استهدف قاعدة", "air_strike"),
        ("بتفجير عبوة ناسفة", "ied"),
        ("تفجير انتحاري في مقهى", "suicide_bombing"),
        ("أسقطت الطائرة المسيرة", "downed_drone"),
        # verb-subject-object: the air defences between the verb and the drone
        ("أسقطت الدفاعات الجوية طائرة مسيرة فوق المطار", "downed_drone"),
        # the dual and the plural of the event noun
        ("انفجرت سيارتان مفخختان قرب السوق", "car_bomb"),
        ("انفجار عبوتين ناسفتين على الطريق", "ied"),
        ("a roadside bomb exploded", "ied"),
        ("four rockets were launched", "rocket_attack"),
    ],
)
def test_types_triggers(text: str, expected: str) -> None:
    found = find_triggers(phrase_hits(text))
    assert max(found, key=lambda t: t.weight).type == expected


def test_types_every_type_has_icon_and_colour() -> None:
    assert all(t.icon and t.colour for t in registry().values())


def test_types_explosion_compatible_with_strike_not_clash() -> None:
    assert get_type("explosion").compatible(get_type("air_strike"))
    assert not get_type("suicide_bombing").compatible(get_type("armed_attack"))
