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
  {
    id = "core.decorators.explain",
    followup = "core.decorators.followup-retry",
    topic = "core.decorators",
    level = "intermediate",
    kind = "explain",
    prompt = "\"What is a decorator in Python, and why do people write `@functools.wraps(func)` inside one?\"",
    hints = {
      "What does the @ line above a def turn into?",
      "@timing above def f means f = timing(f): a function that takes a function and returns a replacement, usually a wrapper closure.",
      "The wrapper takes *args, **kwargs and calls the original; functools.wraps copies __name__, __doc__ and __wrapped__ onto it.",
    },
    solution = "A decorator is a callable that takes a function and returns a replacement for it; writing @timing above def f is shorthand for f = timing(f), run once when the function is defined. The replacement is usually a wrapper closure that accepts *args and **kwargs, does something before or after, and calls the original, which is how logging, timing, caching (lru_cache) and retries are added without touching the function's body. Because the name f now refers to the wrapper, its __name__ and __doc__ would be the wrapper's; functools.wraps(func) copies the original's metadata and sets __wrapped__, so tracebacks, help() and tools still see the real function. A decorator that takes arguments, like @retry(3), needs one more level: a factory that returns the decorator.",
    why = "Decorators combine closures, first-class functions and *args forwarding: a favourite intermediate question.",
    rubric = {
      concepts = {
        { label = "a decorator takes a function and returns a replacement (wrapper)", weight = 2,
          match = { [[\btakes? (?:a |another |the )?function\b]], [[\breturns? (?:a |another |the )?(?:new |modified |wrapped |replacement |different )?function\b]],
                    [[\bwraps? (?:a |another |the )?function\b]], [[\bwrapper\b]], [[\bhigher[- ]order\b]], [[\bfunction that (?:modifies|extends|changes|wraps)\b]] } },
        { label = "@d above def f means f = d(f), when the function is defined", weight = 2,
          match = { [[\bf\s*=\s*\w+\(\s*f\s*\)]], [[\bsyntactic sugar\b]], [[\bsyntax sugar\b]], [[\bshorthand\b]], [[\breassign\w*]], [[\brebind\w*]],
                    [[\bequivalent to\b]], [[\bat definition time\b]], [[\bwhen the function is defined\b]], [[\breplaces? (?:the )?(?:name|function)\b]] } },
        { label = "the wrapper is a closure taking *args, **kwargs", weight = 1,
          match = { [[\bclosures?\b]], [[\*args\b]], [[\bkwargs\b]], [[\bany (?:arguments|signature)\b]], [[\binner function\b]], [[\bnested function\b]] } },
        { label = "functools.wraps copies __name__, __doc__ (metadata) onto the wrapper", weight = 1.5,
          match = { [[__name__]], [[__doc__]], [[__wrapped__]], [[\bmetadata\b]], [[\bname and docstring\b]], [[\bdocstring\b]],
                    [[\bcop(?:y|ies) (?:over )?(?:the )?(?:name|docstring|metadata|attributes)\b]], [[\bintrospection\b]] } },
        { label = "uses (logging, timing, caching, retry); decorators with arguments need a factory", weight = 0.5,
          match = { [[\blogging\b]], [[\btiming\b]], [[\bcach\w*]], [[\bretr(?:y|ies)\b]], [[\bauth\w*]], [[\bfactory\b]], [[\bthree levels\b]],
                    [[\blru_cache\b]] } },
      },
      red_flags = {
        { label = "a decorator does not edit the original function's code", penalty = 0.6,
          match = { [[\b(?:modif\w*|changes?|edits?|rewrites?) (?:the )?(?:original )?function'?s? (?:source |byte)?code\b]] } },
      },
    },
    samples = {
      good = {
        "A decorator is a function that takes a function and returns a new one, usually a wrapper closure that accepts *args and **kwargs and calls the original. @timing above def f is syntactic sugar for f = timing(f). functools.wraps copies the original's __name__ and __doc__ onto the wrapper so introspection still works.",
        "You hand a function to another function, and it gives you back a replacement that does something extra around the original call, like logging. The @ line just rebinds the name to that replacement. Without wraps, the replacement would show up under the wrapper's own name and lose the docstring, which confuses tracebacks and help().",
        "@cache above def f is equivalent to f = cache(f); the wrapper is a closure. wraps copies metadata like the name and docstring, and decorators with arguments need a factory level.",
      },
      bad = {
        "A decorator modifies the original function's source code in place, and functools.wraps makes the function run faster.",
        "decorator, wrapper, closure, functools.wraps, __name__, @ syntax.",
        "A decorator does not take a function and it does not return a wrapper; wraps does not copy the name or docstring.",
      },
    },
  },
  {
    id = "core.decorators.followup-retry",
    topic = "core.decorators",
    level = "intermediate",
    kind = "parsons",
    prompt = "Follow-up to the decorator question: \"Now write `@retry(times=3)`: call the function again when it raises ConnectionError, at most `times` calls in all.\" Arrange the lines; two do not belong.",
    lines = {
      "def retry(times):",
      "    def decorator(func):",
      "        @functools.wraps(func)",
      "        def wrapper(*args, **kwargs):",
      "            for attempt in range(times - 1):",
      "                try:",
      "                    return func(*args, **kwargs)",
      "                except ConnectionError:",
      "                    pass",
      "            return func(*args, **kwargs)",
      "        return wrapper",
      "    return decorator",
    },
    distractors = {
      "    return decorator(func)",
      "        return wrapper()",
    },
    hints = {
      "`@retry(times=3)` calls retry first; what must that call return?",
      "Three levels: retry(times) returns a decorator, the decorator takes func and returns wrapper, wrapper does the calls.",
      "The last try happens outside the loop, so its exception reaches the caller; each level returns the next one, never calls it.",
    },
    solution = "def retry(times):\n    def decorator(func):\n        @functools.wraps(func)\n        def wrapper(*args, **kwargs):\n            for attempt in range(times - 1):\n                try:\n                    return func(*args, **kwargs)\n                except ConnectionError:\n                    pass\n            return func(*args, **kwargs)\n        return wrapper\n    return decorator",
    why = "A decorator with arguments is a factory that returns the decorator: the interviewer checks the three levels, that each returns (not calls) the next, and that the last failure is not swallowed.",
  },
}
