-- Exercises for core.decorators.
return {
  {
    id = "core.decorators.wraps",
    topic = "core.decorators",
    level = "intermediate",
    kind = "fill",
    prompt = "Complete the decorator so the wrapped function keeps its name and docstring and accepts any arguments.",
    code = [[
import functools

def logged(func):
    @functools.___(func)
    def wrapper(*args, **kwargs):
        print("calling", func.__name__)
        return func(___)
    return wrapper]],
    blanks = {
      { "wraps" },
      { "*args, **kwargs", patterns = { "\\*args\\s*,\\s*\\*\\*kwargs" } },
    },
    hints = {
      "One blank copies metadata, the other forwards the call.",
      "functools has a helper that copies __name__ and __doc__; the call must pass on what the wrapper received.",
      "@functools.wraps(func) and func(*args, **kwargs).",
    },
    solution = "wraps\n*args, **kwargs",
    why = "Decorators are everywhere in real code; forgetting wraps breaks introspection and debugging.",
    wrong = { "wraps\nargs, kwargs", "update_wrapper\n*args, **kwargs" },
  },
  {
    id = "core.decorators.timing-parsons",
    topic = "core.decorators",
    level = "intermediate",
    kind = "parsons",
    prompt = "Arrange the lines into a `timing` decorator that prints how long each call took and returns the function's result. Two lines do not belong.",
    lines = {
      "def timing(func):",
      "    @functools.wraps(func)",
      "    def wrapper(*args, **kwargs):",
      "        start = time.perf_counter()",
      "        result = func(*args, **kwargs)",
      "        print(func.__name__, time.perf_counter() - start)",
      "        return result",
      "    return wrapper",
    },
    distractors = {
      "    return wrapper()",
      "        return func",
    },
    hints = {
      "The outer function receives the function and returns the replacement.",
      "Inside the wrapper: start the clock, call, report, return the result.",
    },
    why = "Writing a decorator from memory shows you understand closures and `@` as `f = d(f)`.",
  },
}
