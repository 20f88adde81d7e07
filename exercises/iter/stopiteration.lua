-- Exercises for iter.stopiteration: running out is a signal, not an
-- error.
return {
  {
    id = "iter.stopiteration.defaults",
    topic = "iter.stopiteration",
    level = "beginner",
    kind = "output",
    prompt = "What does this program print?",
    code = [[
it = iter([7])
print(next(it, "none"))
print(next(it, "none"))
try:
    next(it)
except StopIteration:
    print("exhausted")
print(next((n for n in [1, 3, 5] if n % 2 == 0), -1))]],
    expected = "7\nnone\nexhausted\n-1",
    hints = {
      "The iterator has a single item. What does next(it, default) do once it is gone?",
      "Without a default, next() raises StopIteration; the generator expression finds no even number.",
    },
    why = "next(it, default) is the idiom for \"first item or a fallback\"; plain next() raises at the end.",
    wrong = { "7\n7\nexhausted\n-1", "7\nnone\nnone\n-1", "7\nnone\nexhausted\nNone" },
  },
  {
    id = "iter.stopiteration.for-loop",
    topic = "iter.stopiteration",
    level = "beginner",
    kind = "choice",
    prompt = "An iterator's `__next__` raises `StopIteration` while a `for` loop is running over it. What happens?",
    options = {
      { text = "The loop ends normally and the code after it runs", correct = true,
        why = "for catches StopIteration itself: it is how every iterator says it is finished." },
      { text = "The program stops with a traceback", why = "StopIteration is the normal end signal; for, list(), sum() and friends catch it." },
      { text = "The loop calls iter() again and starts over", why = "A for loop calls iter() only once, at the start." },
      { text = "The loop's else clause is skipped", why = "The else clause runs precisely when the loop ends by exhaustion, not by break." },
    },
    hints = {
      "How does any for loop know that a list has run out?",
      "Running out is signalled by StopIteration, and the loop expects it.",
    },
    solution = "The loop ends normally and the code after it runs",
    why = "StopIteration means \"finished\", not \"something went wrong\".",
  },
  {
    id = "iter.stopiteration.pep479",
    topic = "iter.stopiteration",
    level = "advanced",
    kind = "bug",
    prompt = "`list(pairs([1, 2, 3]))` should give `[(1, 2)]` and drop the odd item, but it crashes with `RuntimeError: generator raised StopIteration`. Which line is the bug? Say why.",
    code = [[
def pairs(items):
    it = iter(items)
    for first in it:
        second = next(it)
        yield first, second]],
    buggy = 4,
    rubric = {
      concepts = {
        { label = "next() raises StopIteration when the odd item has no partner", weight = 2,
          match = { "\\bstopiteration\\b", "\\bruns? out\\b", "\\bno (?:second|partner|more|next)\\b",
                    "\\bexhausted\\b", "\\bnothing left\\b", "\\bodd (?:item|number|element|length)\\b" } },
        { label = "fix: a default, next(it, None), or catch StopIteration and return", weight = 1,
          match = { "\\bnext\\(it, ?\\w+\\)", "\\bdefault\\b", "\\bsentinel\\b", "\\bexcept stopiteration\\b",
                    "\\bcatch\\w*\\b", "\\btry\\b", "\\breturn\\b" } },
      },
    },
    samples = {
      good = {
        "next(it) raises StopIteration when 3 has no partner; inside a generator that becomes RuntimeError. Use next(it, None) and return if it is None.",
        "On the odd last item the iterator has nothing left, and the bare next() blows up. Give next a default value and stop there.",
      },
      bad = {
        "The for loop should use range(len(items)).",
        "You cannot call next on a list.",
      },
    },
    hints = {
      "What does next(it) do when 3 comes in and nothing follows it?",
      "A StopIteration that escapes a generator's body is turned into RuntimeError (PEP 479).",
      "Use a default: second = next(it, None), and return when it is None.",
    },
    solution = "Line 4: for the odd last item next(it) raises StopIteration, which escapes the generator and becomes RuntimeError (PEP 479, Python 3.7+). Use second = next(it, None) and return when nothing came back, or catch StopIteration and return.",
    why = "A stray next() inside a generator is a classic bug; knowing PEP 479 shows depth.",
    wrong = { "3", "5", "2" },
  },
}
