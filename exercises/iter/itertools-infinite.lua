-- Exercises for iter.itertools-infinite: count, cycle, repeat, and
-- bounding them.
return {
  {
    id = "iter.itertools-infinite.rota",
    topic = "iter.itertools-infinite",
    level = "intermediate",
    kind = "output",
    prompt = "What does this program print?",
    code = [[
from itertools import count, cycle, islice, repeat

tickets = count(100, 10)
print(next(tickets), next(tickets))
print(list(zip(["ana", "bo", "cy"], cycle("XY"))))
print(list(islice(tickets, 2)))
print(list(zip(repeat(0), "ab")), list(repeat("z", 0)))]],
    expected = "100 110\n[('ana', 'X'), ('bo', 'Y'), ('cy', 'X')]\n[120, 130]\n[(0, 'a'), (0, 'b')] []",
    hints = {
      "count(start, step) keeps its position between calls.",
      "zip stops at its shortest input, so the finite list decides the length.",
      "islice continues from where the two next() calls left the counter; repeat(x, 0) yields nothing.",
    },
    why = "Infinite iterators are safe only when something finite bounds them; zip's shortest-input rule is one way.",
    wrong = {
      "100 110\n[('ana', 'X'), ('bo', 'Y'), ('cy', 'X')]\n[100, 110]\n[(0, 'a'), (0, 'b')] []",
      "100 110\n[('ana', 'X'), ('bo', 'Y')]\n[120, 130]\n[(0, 'a'), (0, 'b')] []",
      "100 110\n[('ana', 'X'), ('bo', 'Y'), ('cy', 'X')]\n[120, 130]\n[(0, 'a'), (0, 'b')] ['z']",
    },
  },
  {
    id = "iter.itertools-infinite.hang",
    topic = "iter.itertools-infinite",
    level = "beginner",
    kind = "choice",
    prompt = "Which line finishes and gives the first five even numbers?",
    options = {
      { text = "list(islice(count(0, 2), 5))", correct = true,
        why = "islice stops after five items, so the endless count is only advanced five times." },
      { text = "list(count(0, 2))[:5]", why = "list() tries to collect the endless stream first: it never returns and memory grows." },
      { text = "sorted(count(0, 2))[:5]", why = "sorted needs every item before returning; the stream never ends." },
      { text = "list(count(0, 2, 5))", why = "count has no stop argument (this is a TypeError); bound it with islice." },
    },
    hints = {
      "count never raises StopIteration on its own.",
      "Something must take a finite prefix before anything collects the items.",
    },
    solution = "list(islice(count(0, 2), 5))",
    why = "Bounding every infinite iterator explicitly is the rule interviewers check.",
  },
  {
    id = "iter.itertools-infinite.shared-repeat",
    topic = "iter.itertools-infinite",
    level = "advanced",
    kind = "output",
    prompt = "What does this program print?",
    code = [[
from itertools import repeat

rows = list(repeat([], 3))
rows[0].append("x")
print(rows)
print(rows[1] is rows[2])]],
    expected = "[['x'], ['x'], ['x']]\nTrue",
    hints = {
      "How many list objects does repeat([], 3) create?",
      "repeat yields the very same object each time.",
    },
    why = "repeat hands out one object over and over: mutate it once and every \"copy\" changes, like [[]] * 3.",
    wrong = { "[['x'], [], []]\nFalse", "[['x'], ['x'], ['x']]\nFalse", "[['x'], [], []]\nTrue" },
  },
}
