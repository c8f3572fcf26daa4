"""A recipe's ingredients, from its JSON-LD when the page's HTML lost them.

Recipe cards set the ingredient list in markup that extractors drop (checkbox lists, tables of amounts,
widgets), while the page declares the same list in its schema.org Recipe (`recipeIngredient`). Where most
of the declared ingredients are missing from the extracted text, they go in as a list: under the card's own
"Ingredients" heading when the text kept it, else before the first declared step it holds, else at its end."""
from __future__ import annotations

from . import rules
from .blocks import phrase_key, unescape_text, word_key

MISSING_SHARE = 0.5        # most of the list gone: a few missing are spelled differently on the page
MAX_INGREDIENT_CHARS = 300
INGREDIENT_HEADINGS = set(rules.INGREDIENT_HEADINGS)


def _plain(text: str) -> str:
    """Entities decoded as the page's other JSON-LD strings are (metadata.py), whitespace folded."""
    return " ".join(unescape_text(text).split())


def declared_ingredients(obj: dict) -> list[str]:
    """The ingredient strings of a JSON-LD Recipe object (plain strings only, whitespace folded)."""
    value = obj.get("recipeIngredient") or obj.get("ingredients")
    items = value if isinstance(value, list) else [value] if isinstance(value, str) else []
    out = []
    for item in items:
        if isinstance(item, str):
            text = _plain(item)
            if text and len(text) <= MAX_INGREDIENT_CHARS:
                out.append(text)
    return out


def declared_steps(obj: dict) -> list[str]:
    """The step texts of a JSON-LD Recipe's recipeInstructions (a string, HowToSteps, or sections of them)."""
    value = obj.get("recipeInstructions")
    steps: list[str] = []

    def walk(v) -> None:
        if isinstance(v, str):
            steps.append(_plain(v))
        elif isinstance(v, list):
            for x in v:
                walk(x)
        elif isinstance(v, dict):
            walk(v.get("text") or v.get("itemListElement") or "")
    walk(value)
    return [s for s in steps if s]


def with_ingredients(text: str, ingredients: list[str], steps: list[str]) -> tuple[str, str | None]:
    """The text with the declared ingredients put in where most are missing, and what was done (or None)."""
    if not ingredients:
        return text, None
    text_key = word_key(text)
    missing = [i for i in ingredients if word_key(i) not in text_key]
    if len(missing) < MISSING_SHARE * len(ingredients):
        return text, None
    block = "\n".join(f"- {i}" for i in ingredients)
    lines = text.split("\n")
    first_step = word_key(steps[0])[:80] if steps else ""
    step_at = next((n for n, line in enumerate(lines) if first_step and first_step in word_key(line)), len(lines))
    # under the card's own "Ingredients" heading when the text kept it, else before the first step
    heading_at = next((n for n, line in enumerate(lines[:step_at]) if phrase_key(line) in INGREDIENT_HEADINGS), None)
    at = heading_at + 1 if heading_at is not None else step_at
    lines[at:at] = [block]
    return "\n".join(lines).strip("\n"), (f"took the recipe's {len(ingredients)} ingredients from its JSON-LD: "
                                          f"the HTML showed {len(ingredients) - len(missing)}")
