-- Exercises for iter.generator-states: CREATED, RUNNING, SUSPENDED,
-- CLOSED, and what close() does.
return {
  {
    id = "iter.generator-states.trace",
    topic = "iter.generator-states",
    level = "intermediate",
    kind = "output",
    prompt = "What does this program print?",
    code = [[
from inspect import getgeneratorstate as state


def job():
    try:
        yield "a"
        yield "b"
    finally:
        print("cleanup")


g = job()
print(state(g))
print(next(g), state(g))
g.close()
print(state(g))
print(next(g, "over"))]],
    expected = "GEN_CREATED\na GEN_SUSPENDED\ncleanup\nGEN_CLOSED\nover",
    hints = {
      "Before the first next() no code has run. At a yield it is paused.",
      "close() raises GeneratorExit at the paused yield, so finally runs.",
      "A closed generator stays closed: next() with a default returns the default.",
    },
    why = "The lifecycle states, and that close() runs finally blocks, come up when generators hold resources.",
    wrong = {
      "GEN_CREATED\na GEN_RUNNING\ncleanup\nGEN_CLOSED\nover",
      "GEN_CREATED\na GEN_SUSPENDED\nGEN_CLOSED\nover",
      "GEN_CREATED\na GEN_SUSPENDED\ncleanup\nGEN_CLOSED\nb",
    },
  },
  {
    id = "iter.generator-states.abandoned",
    topic = "iter.generator-states",
    level = "intermediate",
    kind = "choice",
    prompt = "A loop `break`s out of `for line in read_lines(path):`, where `read_lines` yields from inside `with open(path) as f:`. Right after the break, what state is the generator in?",
    options = {
      { text = "GEN_SUSPENDED: paused at its yield, with the file still open", correct = true,
        why = "break only stops asking; the frame, and the with block inside it, stay alive until the generator is closed or collected." },
      { text = "GEN_CLOSED: break closes the generator and the file", why = "break does not close the generator; closing happens on close() or garbage collection." },
      { text = "GEN_CREATED: it will start over on the next loop", why = "It has run; a generator never goes back to the created state." },
      { text = "GEN_RUNNING: it keeps reading in the background", why = "Generators never run on their own; they only run inside next() or send()." },
    },
    hints = {
      "Does break tell the generator anything?",
      "A paused generator keeps its frame, including any with block it is inside.",
    },
    solution = "GEN_SUSPENDED: paused at its yield, with the file still open",
    why = "Suspended generators holding files or connections are a real resource leak.",
  },
  {
    id = "iter.generator-states.close",
    topic = "iter.generator-states",
    level = "intermediate",
    kind = "fill",
    prompt = "A generator holds a database connection in a `try/finally`. Fill in the call that ends it early so that its `finally` block runs now.",
    code = [[
rows = fetch_rows(conn)
first = next(rows)
rows.___()]],
    blanks = {
      { "close", patterns = { "^close\\(\\)$" } },
    },
    hints = {
      "Generators have three methods besides __next__: send, throw and one more.",
      "It raises GeneratorExit at the paused yield.",
    },
    solution = "close",
    why = "close() is how you release what a half-consumed generator holds (contextlib.closing wraps it).",
    wrong = { "stop", "send(None)", "__del__" },
  },
}
