"""The toponym scorer: matching, distances, parts, and the GeoWebNews floor."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import shared_path
from newsweave.errors import InputError
from newsweave.evaluate.places import Placed, distance_km, evaluate, parts, score

#: Measured on the check half (docs/evaluation.md, "Places (GeoWebNews)"); the issue's targets
#: (recognition F1 0.80, accuracy@161 km 0.80 of found and 0.65 of all gold): the first and
#: the last are met since session 26; 0.80 of found is not.
FLOORS = {
    ("toponyms found", "f1"): 0.87,  # measured 0.877 (session 26; 0.870 in session 25)
    ("accuracy@161km of found", "value"): 0.77,  # measured 0.776 (0.764 in session 25)
    ("accuracy@161km of all gold", "value"): 0.65,  # measured 0.655 (0.638 in session 25)
}


def _gold(start: int, end: int, lat: float, lon: float, geonames_id: int | None = None) -> dict:
    return {"start": start, "end": end, "lat": lat, "lon": lon, "geonames_id": geonames_id}


def test_distance_of_known_cities() -> None:
    paris, london = (48.8566, 2.3522), (51.5074, -0.1278)
    assert distance_km(paris, london) == pytest.approx(344, abs=3)
    assert distance_km(paris, paris) == 0


def test_score_matches_each_gold_once_and_places_by_distance() -> None:
    gold = [
        _gold(0, 5, 48.85, 2.35, 2988507),  # placed right, same id
        _gold(10, 16, 51.5, -0.13, 2643743),  # placed 344 km off
        _gold(20, 25, 40.0, -3.7),  # found, not placed
        _gold(30, 35, 0.0, 0.0),  # missed
    ]
    mentions = [
        Placed(0, 5, 48.86, 2.35, 2988507),
        Placed(2, 4, 48.86, 2.35, 2988507),  # a second mention of the same gold: false positive
        Placed(10, 16, 48.85, 2.35, 2988507),
        Placed(20, 25, None, None, None),
        Placed(40, 44, 1.0, 1.0, 1),  # overlaps no gold
    ]
    rows = score([(mentions, gold)])
    found = rows["toponyms found"]
    assert (found["tp"], found["fp"], found["fn"]) == (3, 2, 1)
    assert rows["accuracy@161km of found"] == {"value": round(1 / 3, 4), "n": 3}
    assert rows["accuracy@161km of all gold"] == {"value": 0.25, "n": 4}
    assert rows["found and given coordinates"]["value"] == round(2 / 3, 4)
    assert rows["geonames id of found"] == {"value": 0.5, "n": 2}
    auc = rows["AUC of log error (lower is better)"]["value"]
    assert 1 / 3 < auc < 1  # one unplaced (1.0), one 344 km off, one exact


def test_parts_halve_the_ids_whatever_their_order() -> None:
    ids = [f"gwn-{n}" for n in range(11)]
    split = parts(ids)
    assert split == parts(reversed(ids))
    assert abs(list(split.values()).count("tune") - list(split.values()).count("check")) <= 1


def test_unknown_part_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        evaluate(tmp_path, part="dev")


@pytest.mark.slow
def test_geowebnews_check_floors() -> None:
    report = evaluate(shared_path("corpus/gwn"), part="check")
    assert report.below(FLOORS) == {}, report.rows
