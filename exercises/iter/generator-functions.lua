-- Exercises for iter.generator-functions: lazy bodies, yield.
return {
  {
    id = "iter.generator-functions.order",
    topic = "iter.generator-functions",
    level = "beginner",
    kind = "output",
    prompt = "What does this program print? Mind the order.",
    code = [[
def gen():
    print("start")
    yield 1
    print("middle")
    yield 2
    print("end")

g = gen()
print("created")
print(next(g))
print(list(g))]],
    expected = "created\nstart\n1\nmiddle\nend\n[2]",
    hints = {
      "Does calling gen() run any of its body?",
      "The body runs only when next() asks for a value, and pauses at each yield.",
      "list(g) runs the rest of the body: it prints before the list is printed.",
    },
    why = "Generators are lazy: interviewers check you know when the body actually runs.",
    wrong = { "start\ncreated\n1\nmiddle\nend\n[2]", "created\nstart\n1\nmiddle\n[2]\nend" },
  },
  {
    id = "iter.generator-functions.countdown",
    topic = "iter.generator-functions",
    level = "beginner",
    kind = "parsons",
    prompt = "Arrange the lines into a generator that yields n, n-1, ..., 1. One line does not belong.",
    lines = {
      "def countdown(n):",
      "    while n > 0:",
      "        yield n",
      "        n -= 1",
    },
    distractors = { "        return n" },
    hints = {
      "A loop that runs while there is something left to produce.",
      "Yield the current value, then step down.",
    },
    why = "Writing the simplest generator from scratch is a warm-up question in many interviews.",
  },
  {
    id = "iter.generator-functions.call-runs-nothing",
    topic = "iter.generator-functions",
    level = "beginner",
    kind = "choice",
    prompt = "`def fetch_all(): print(\"connecting\"); ... yield row ...`. What does the line `rows = fetch_all()` do?",
    options = {
      { text = "Returns a generator object; nothing is printed until the first next()", correct = true,
        why = "A def containing yield is a generator function: calling it only creates the generator, no body line runs." },
      { text = "Prints connecting, then returns a generator", why = "The print is part of the body, which starts only when someone asks for the first item." },
      { text = "Runs the whole body and returns a list of the yielded rows", why = "That is what list(fetch_all()) would do; the call alone runs nothing." },
      { text = "Returns None, because the function has no return statement", why = "With yield in the body the call returns a generator object, whatever the return statements say." },
    },
    hints = {
      "What makes a generator function different from a normal one when you call it?",
      "Calling it builds a generator object and runs none of the body.",
    },
    solution = "Returns a generator object; nothing is printed until the first next()",
    why = "Knowing that the call runs nothing explains deferred errors and side effects in generators.",
  },
}
