"""Recipe ingredients from the page's JSON-LD where the HTML lost them (cleaners/recipe.py)."""
from __future__ import annotations

import pytest

from cleaners.recipe import declared_ingredients, declared_steps, with_ingredients

INGREDIENTS = ["600 g firm white fish", "2 fennel bulbs, sliced", "1 onion, chopped", "a pinch of saffron"]
STEPS = ["Soften the onion and fennel in the oil for ten minutes.", "Add the fish and poach for eight minutes."]


@pytest.mark.parametrize("obj, ingredients, steps", [
    ({"recipeIngredient": ["1 &amp; a half cups  flour", 3, ""], "recipeInstructions": "Mix it all."},
     ["1 & a half cups flour"], ["Mix it all."]),
    ({"ingredients": "2 eggs", "recipeInstructions": [{"@type": "HowToSection", "itemListElement": [
        {"@type": "HowToStep", "text": "Beat the eggs."}, {"@type": "HowToStep", "text": "Fry them."}]}]},
     ["2 eggs"], ["Beat the eggs.", "Fry them."]),
    ({"recipeIngredient": None, "recipeInstructions": None}, [], []),
])
def test_declared_ingredients_and_steps_are_plain_strings(obj, ingredients, steps):
    assert declared_ingredients(obj) == ingredients
    assert declared_steps(obj) == steps


@pytest.mark.parametrize("text, placed_after", [
    # the card's heading kept, its list lost: under the heading
    ("Intro paragraph about the stew.\nIngredients\nMethod\n" + "\n".join(STEPS), "Ingredients"),
    # no heading: before the first declared step
    ("Intro paragraph about the stew.\n" + "\n".join(STEPS), "Intro paragraph about the stew."),
    # no step either: at the end
    ("Intro paragraph about the stew.", "Intro paragraph about the stew."),
])
def test_missing_ingredients_go_in_as_a_list(text, placed_after):
    out, took = with_ingredients(text, INGREDIENTS, STEPS)
    lines = out.split("\n")
    at = lines.index(placed_after)
    assert lines[at + 1:at + 1 + len(INGREDIENTS)] == [f"- {i}" for i in INGREDIENTS]
    assert took and "4 ingredients" in took


def test_ingredients_the_text_shows_are_not_added_again():
    text = "Intro.\n| 600 g | firm white fish |\n- 2 fennel bulbs, sliced\n- 1 onion, chopped\nSteps follow."
    assert with_ingredients(text, INGREDIENTS, STEPS) == (text, None)   # 3 of 4 shown, table markup aside
    assert with_ingredients(text, [], STEPS) == (text, None)
