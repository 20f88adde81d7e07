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
}
