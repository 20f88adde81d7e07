-- Exercises for iter.best-practices: when to stream, when to
-- materialise, and designing for one-pass inputs.
return {
  {
    id = "iter.best-practices.two-passes",
    topic = "iter.best-practices",
    level = "intermediate",
    kind = "bug",
    prompt = "`normalise([2, 4, 8])` gives `[0.25, 0.5, 1.0]`, but `normalise(x for x in [2, 4, 8])` gives `[]`. Which line makes the function fail for generators? Say why.",
    code = [==[
def normalise(values):
    top = max(values)
    return [v / top for v in values]]==],
    buggy = 2,
    rubric = {
      concepts = {
        { label = "max() consumes the generator, so the second pass sees nothing", weight = 2,
          match = { "\\bexhaust\\w*", "\\bconsum\\w*", "\\bused up\\b", "\\buses up\\b", "\\bsingle[- ](?:use|pass)\\b",
                    "\\bone pass\\b", "\\bonly (?:be )?(?:iterated |used |read )?once\\b", "\\bnothing (?:is )?left\\b", "\\bempty\\b",
                    "\\b(?:gets?|sees?|finds?) nothing\\b", "\\bto the end\\b" } },
        { label = "fix: values = list(values) first, or require a sequence", weight = 1,
          match = { "\\blist\\(values\\)", "\\bmaterial\\w*", "\\bsequence\\b", "\\b(?:make|build|use) a list\\b",
                    "\\bconvert\\w* (?:it )?(?:to|into) a list\\b", "\\bdocument\\w*" } },
      },
      red_flags = {
        { label = "max() accepts generators; the problem is the second pass", penalty = 0.6,
          match = { "\\bmax\\(?\\)? (?:does(?:n't| not)|cannot|can't) (?:take|accept|work with|handle) (?:a )?generators?\\b" } },
      },
    },
    samples = {
      good = {
        "max() walks through the generator and exhausts it, so the list comprehension on line 3 finds nothing. Start with values = list(values).",
        "A generator can only be read once; max uses it up. Convert it to a list first, or document that a sequence is required.",
      },
      bad = {
        "max() cannot take a generator.",
        "Division by top should use //.",
      },
    },
    hints = {
      "How many times does the function loop over values?",
      "max() is the first pass; a generator supports only one.",
      "Materialise once at the top: values = list(values).",
    },
    solution = "Line 2: max() iterates the generator to the end, so the comprehension on line 3 gets nothing. A function that needs two passes should call values = list(values) first, or document that it needs a re-iterable sequence.",
    why = "Functions that accept \"any iterable\" and loop twice are a classic source of silent bugs.",
    wrong = { "3", "1" },
  },
  {
    id = "iter.best-practices.reiterable-parsons",
    topic = "iter.best-practices",
    level = "intermediate",
    kind = "parsons",
    prompt = "Arrange the lines into an `Orders` class that parses `\"name:amount\"` rows and can be looped over any number of times (`__init__` first, then `__iter__`). Two lines do not belong.",
    lines = {
      "class Orders:",
      "    def __init__(self, rows):",
      "        self.rows = rows",
      "    def __iter__(self):",
      "        for row in self.rows:",
      "            name, amount = row.split(\":\")",
      "            yield name, int(amount)",
    },
    distractors = {
      "        return self",
      "        self.rows = (r.split(\":\") for r in rows)",
    },
    hints = {
      "Keep the raw rows; do the parsing where each loop can redo it.",
      "If __iter__ is a generator function, every loop gets a fresh generator.",
      "Storing a generator in __init__ would make the class single-use again.",
    },
    why = "A re-iterable class is the standard answer when callers need several passes over streamed data.",
  },
  {
    id = "iter.best-practices.list-wins",
    topic = "iter.best-practices",
    level = "intermediate",
    kind = "choice",
    prompt = "In which situation is returning a plain list the better choice than returning a generator?",
    options = {
      { text = "50 config entries that callers index, count with len() and loop over several times", correct = true,
        why = "Small data used many times: a list is simpler, re-iterable and supports len() and indexing." },
      { text = "Every line of a 10 GB log that callers scan once", why = "Large, single-pass data is exactly where streaming pays off." },
      { text = "Results from a paginated API where callers often stop at the first match", why = "A generator avoids fetching pages nobody needs." },
      { text = "An endless stream of sensor readings", why = "An infinite stream cannot be a list at all." },
    },
    hints = {
      "Laziness pays for large, unbounded, or partly used data.",
      "What does a caller lose with a generator: len(), indexing, several passes?",
    },
    solution = "50 config entries that callers index, count with len() and loop over several times",
    why = "A senior answer names when not to use a generator, not just when to use one.",
  },
}
