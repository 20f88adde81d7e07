-- Exercises for iter.coroutine-return: return in a generator arrives as
-- StopIteration.value.
return {
  {
    id = "iter.coroutine-return.collect",
    topic = "iter.coroutine-return",
    level = "advanced",
    kind = "output",
    prompt = "What does this program print?",
    code = [[
def collect():
    items = []
    while True:
        x = yield len(items)
        if x is None:
            return items
        items.append(x)


c = collect()
print(next(c))
print(c.send("a"), c.send("b"))
try:
    c.send(None)
except StopIteration as stop:
    print(stop.value)
print(next(c, "closed"))]],
    expected = "0\n1 2\n['a', 'b']\nclosed",
    hints = {
      "Each send returns the value of the next yield: the current length.",
      "Sending None makes the generator return; the returned value travels on StopIteration.",
      "A generator that has returned stays finished.",
    },
    why = "return inside a generator sets StopIteration.value: the way a coroutine hands back its result.",
    wrong = { "0\n1 2\nNone\nclosed", "0\n1 2\n['a', 'b']\n2", "None\n1 2\n['a', 'b']\nclosed" },
  },
  {
    id = "iter.coroutine-return.value-fill",
    topic = "iter.coroutine-return",
    level = "advanced",
    kind = "fill",
    prompt = "`acc` returns its total when it is sent `None`. Fill in the attribute that holds that result.",
    code = [[
try:
    acc.send(None)
except StopIteration as stop:
    result = stop.___]],
    blanks = {
      { "value" },
    },
    hints = {
      "The returned value travels on the exception object.",
      "It is the same attribute that yield from reads for you.",
    },
    solution = "value",
    why = "Knowing where a generator's return value goes completes the generator protocol.",
    wrong = { "result", "args", "return_value" },
  },
  {
    id = "iter.coroutine-return.case",
    topic = "iter.coroutine-return",
    level = "intermediate",
    kind = "bug",
    prompt = "The log filter below prints `[]`, but two of the lines are errors. Which line is the bug? Say why.",
    code = [[
def grep(word):
    found = []
    while True:
        line = yield
        if line is None:
            return found
        if word in line:
            found.append(line)


g = grep("error")
next(g)
for text in ["ERROR disk full", "ok", "Error: timeout"]:
    g.send(text)
try:
    g.send(None)
except StopIteration as stop:
    print(stop.value)]],
    buggy = 7,
    rubric = {
      concepts = {
        { label = "`in` compares characters exactly: it is case-sensitive", weight = 2,
          match = { "\\bcase[- ]sensitiv\\w*", "\\bcase\\b", "\\bcapital\\w*", "\\bupper\\w*", "\\blower\\w*",
                    "\\bexact(?:ly)?\\b" } },
        { label = "fix: normalise both sides, e.g. .lower() or .casefold()", weight = 1,
          match = { "\\.lower\\(\\)", "\\blower\\(\\)", "\\bcasefold\\b", "\\bnormali[sz]\\w*", "\\bboth sides\\b", "\\blowercase\\b" } },
      },
    },
    samples = {
      good = {
        "The substring test is case-sensitive: 'error' is not in 'ERROR disk full'. Compare word.lower() in line.lower().",
        "in matches exact characters, so the capital letters never match; lowercase both sides first.",
      },
      bad = {
        "The generator is never primed.",
        "return found should be yield found.",
      },
    },
    hints = {
      "Is \"error\" in \"ERROR disk full\"?",
      "The substring test compares characters exactly.",
      "Normalise both sides: word.lower() in line.lower().",
    },
    solution = "Line 7: in is case-sensitive, so \"error\" never matches \"ERROR ...\" or \"Error: ...\". Use word.lower() in line.lower() (or casefold()).",
    why = "A filter that silently matches nothing is worse than a crash; test it on input that should match.",
    wrong = { "12", "4", "6" },
  },
}
