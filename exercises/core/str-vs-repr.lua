-- Exercises for core.str-vs-repr: text for users vs text for developers.
return {
  {
    id = "core.str-vs-repr.explain",
    topic = "core.str-vs-repr",
    level = "intermediate",
    kind = "explain",
    prompt = "\"What is the difference between `__str__` and `__repr__`? If you could write only one, which would it be?\"",
    hints = {
      "Who reads each one: the person using your program, or the person debugging it?",
      "__str__ is the readable form for users; __repr__ is the unambiguous form for developers.",
      "print and str() use __str__; repr(), the REPL and items inside containers use __repr__, and str falls back to __repr__.",
    },
    solution = "__str__ gives a readable, friendly text for end users; print(), str() and f-strings use it. __repr__ gives an unambiguous text for developers, ideally one that looks like the constructor call that would recreate the object, such as Point(x=1, y=2); repr(), the interactive prompt, debuggers and the items inside a printed list or dict use it. If a class defines only __repr__, str() falls back to it, so __repr__ is the one to write first. In f-strings, !r asks for the repr.",
    why = "Good reprs make logs and debugging sessions readable; the container detail catches many candidates.",
    rubric = {
      concepts = {
        { label = "__str__ is the readable text for end users (print, str)", weight = 2,
          subject = { [[__str__]], [[\bstr\b]] },
          object = { [[\b(?:end[- ])?users?\b]], [[\breadab\w*]], [[\bhumans?\b]], [[\bfriendly\b]], [[\bdisplay\w*]],
                     [[\bprint\w*]], [[\bnice\b]], [[\bpretty\b]], [[\binformal\b]], [[\bcustomers?\b]] } },
        { label = "__repr__ is unambiguous text for developers, like a constructor call", weight = 2,
          subject = { [[__repr__]], [[\brepr\b]] },
          object = { [[\bdevelopers?\b]], [[\bdebug\w*]], [[\bunambiguous\b]], [[\bprogrammers?\b]], [[\bconstructor\b]],
                     [[\brecreate\w*]], [[\bexact\b]], [[\bofficial\b]], [[\blogs?\b]], [[\bformal\b]], [[\bprecise\b]] } },
        { label = "containers and the REPL show the repr of their items", weight = 1,
          match = { [[\bcontainers?\b]], [[\binside (?:a )?(?:list|dict|tuple)s?\b]], [[\brepl\b]], [[\binteractive\b]],
                    [[\bshell\b]], [[!r\b]], [[\bin a list\b]] } },
        { label = "str() falls back to __repr__, so write __repr__ first", weight = 1,
          match = { [[\bfall(?:s|ing)? back\b]], [[\bfallback\b]], [[\bdefaults? to\b]], [[\bif (?:there is |there's )?no __str__\b]],
                    [[\bwithout (?:a )?__str__\b]], [[\bonly (?:define|implement|write|have) __repr__\b]], [[\brepr first\b]] } },
      },
      red_flags = {
        { label = "swapped: __repr__ is for developers, __str__ for users", penalty = 0.6,
          subject = { [[__repr__]], [[\brepr\b]] },
          object = { [[\bend[- ]users?\b]], [[\bhuman[- ]readable\b]], [[\buser[- ]friendly\b]], [[\bcustomers?\b]] } },
        { label = "swapped: __str__ is for users, __repr__ for debugging", penalty = 0.6,
          subject = { [[__str__]], [[\bstr\b]] },
          object = { [[\bdebug\w*]], [[\bdevelopers?\b]], [[\bunambiguous\b]] } },
      },
    },
    samples = {
      good = {
        "__str__ is the readable version for end users, used by print and str(). __repr__ is the unambiguous version for developers, ideally like the constructor call, used by repr(), the REPL and inside containers. If there is no __str__, str falls back to __repr__, so I'd write __repr__.",
        "str is the pretty text you show a customer; repr is the exact text you want in a log or debugger, like Point(1, 2). A list prints its items with repr, and an object with only repr uses it for str as well.",
        "__repr__ should be unambiguous, for debugging; __str__ should be nice for display. Without a __str__, print uses __repr__.",
      },
      bad = {
        "__repr__ is the human-readable text for end users, and __str__ is the unambiguous one for debugging.",
        "__str__, __repr__, readable, unambiguous, developers, users, print.",
        "__str__ is not for end users and __repr__ is not for developers; containers never use repr.",
      },
    },
  },
  {
    id = "core.str-vs-repr.where-used",
    topic = "core.str-vs-repr",
    level = "intermediate",
    kind = "output",
    prompt = "What does this program print?",
    code = [[
class Distance:
    def __init__(self, value, unit):
        self.value = value
        self.unit = unit

    def __repr__(self):
        return f"Distance({self.value!r}, {self.unit!r})"

    def __str__(self):
        return f"{self.value} {self.unit}"

d = Distance(3, "km")
print(d)
print([d])
print(f"{d!r} / {d}")
print(str(d) == format(d), repr("km"))]],
    expected = "3 km\n[Distance(3, 'km')]\nDistance(3, 'km') / 3 km\nTrue 'km'",
    hints = {
      "Which method does print() use, and which does a list use for its items?",
      "print and plain f-string fields use __str__; containers and !r use __repr__.",
      "repr of a string includes its quotes; format(d) with no spec is str(d).",
    },
    why = "The list-of-objects line is the classic surprise that shows you know where repr is used.",
    wrong = { "3 km\n[3 km]\nDistance(3, 'km') / 3 km\nTrue km",
              "3 km\n[Distance(3, km)]\nDistance(3, km) / 3 km\nTrue 'km'",
              "Distance(3, 'km')\n[Distance(3, 'km')]\nDistance(3, 'km') / 3 km\nTrue 'km'" },
  },
  {
    id = "core.str-vs-repr.fill",
    topic = "core.str-vs-repr",
    level = "intermediate",
    kind = "fill",
    prompt = "Complete the class so that printing a list of tags shows `[Tag('new')]`: the method containers use, and the f-string conversion that adds quotes.",
    code = [=[
class Tag:
    def __init__(self, name):
        self.name = name

    def ___(self):
        return f"Tag({self.name___})"

print([Tag("new")])   # [Tag('new')]]=],
    blanks = {
      { "__repr__" },
      { "!r" },
    },
    hints = {
      "A list shows its items with one of the two methods: which?",
      "Containers use __repr__; inside the f-string, one conversion applies repr() to the value.",
      "def __repr__(self) and {self.name!r}.",
    },
    solution = "__repr__\n!r",
    why = "Writing a constructor-like __repr__ with !r is the idiom interviewers want to see.",
    wrong = { "__str__\n!r", "__repr__\n!s", "__repr__\n" },
  },
  {
    id = "core.str-vs-repr.good-repr",
    topic = "core.str-vs-repr",
    level = "intermediate",
    kind = "choice",
    prompt = "Which `__repr__` is the best one for `class Point` with attributes `x` and `y`?",
    options = {
      { text = "return f\"Point(x={self.x!r}, y={self.y!r})\"", correct = true,
        why = "Unambiguous and looks like the call that recreates the object; !r keeps strings quoted." },
      { text = "return f\"({self.x}, {self.y})\"",
        why = "In a log or a list it looks exactly like a tuple: ambiguous about the type." },
      { text = "print(f\"Point({self.x}, {self.y})\")",
        why = "It prints and returns None, so repr() raises TypeError: __repr__ returned non-string (type NoneType)." },
      { text = "return \"Point\"",
        why = "Loses the state: every point looks the same in logs and debuggers." },
    },
    hints = {
      "Who reads a repr, and what do they need to tell two objects apart?",
      "A good repr is unambiguous and, where possible, looks like the constructor call.",
    },
    solution = "return f\"Point(x={self.x!r}, y={self.y!r})\"",
    why = "Writing a useful __repr__ is a small habit that makes every debugging session easier.",
  },
}
