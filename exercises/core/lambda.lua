-- Exercises for core.lambda: one-expression anonymous functions, key=.
return {
  {
    id = "core.lambda.explain",
    followup = "core.lambda.followup-late-binding",
    topic = "core.lambda",
    level = "beginner",
    kind = "explain",
    prompt = "\"What is a lambda in Python? When would you use one, and when would you write a `def` instead?\"",
    hints = {
      "What can the body of a lambda contain, and what can it not?",
      "It is an anonymous function whose body is a single expression; think of sorted(..., key=...).",
      "Use it for short throwaway functions passed to another function; anything longer, reused or worth a name gets a def.",
    },
    solution = "A lambda is an anonymous function written inline: lambda params: expression. Its body is a single expression whose value is returned, so it cannot contain statements such as assignments, return or try. It is an ordinary function object, no faster than a def, just shorter. Use it for short throwaway functions passed to another function, typically key= for sorted, min or max, or a small callback. If it needs a name, several steps or a docstring, write a def; and a comprehension usually reads better than map or filter with a lambda.",
    why = "Checks that you know functions are values and have judgement about readability.",
    rubric = {
      concepts = {
        { label = "an anonymous (unnamed) function defined inline", weight = 1.5,
          match = { [[\banonymous\b]], [[\bunnamed\b]], [[\bnameless\b]], [[\bwithout (?:a |giving it a )?name\b]],
                    [[\bno name\b]], [[\binline\b]], [[\bon the fly\b]], [[<lambda>]] } },
        { label = "its body is a single expression (no statements), returned automatically", weight = 2,
          match = { [[\b(?:single|one|only an?|just an?)[- ]expression\b]], [[\bone[- ]liners?\b]], [[\bone line\b]],
                    [[\bno statements\b]], [[\b(?:can't|cannot) (?:contain|have|use|hold) (?:any )?(?:statements|assignments)\b]],
                    [[\bimplicit(?:ly)? return\w*]], [[\breturn\w* (?:the )?(?:value of )?(?:the|its|that) expression\b]],
                    [[\bno return\b]] } },
        { label = "used for short functions passed as arguments (key=, callbacks)", weight = 1.5,
          match = { [[\bkey\s*=]], [[\bkey functions?\b]], [[\bsort(?:ed|ing)?\b]], [[\bmax\b]], [[\bmin\b]],
                    [[\bmap\b]], [[\bfilter\b]], [[\bcallbacks?\b]], [[\bthrow-?away\b]],
                    [[\bpass(?:ed|ing)? (?:it )?(?:as an argument|to another function)\b]] } },
        { label = "otherwise use def (name, several steps, readability)", weight = 1,
          match = { [[\bdef\b]], [[\bnamed function\b]], [[\b(?:regular|normal|proper) function\b]],
                    [[\bcomprehensions?\b]], [[\breadab\w*]] } },
      },
      red_flags = {
        { label = "a lambda is not faster than a def: same kind of function object", penalty = 0.6,
          match = { [[\b(?:faster|quicker|more efficient) than (?:a |an |using |writing )?(?:def|named function|regular function|normal function|ordinary function)s?\b]] },
          subject = { [[\blambdas?\b]] },
          object = { [[\bfaster\b]], [[\bmore efficient\b]], [[\bquicker\b]], [[\bbetter performance\b]] } },
        { label = "a lambda's body is one expression: no statements or several lines", penalty = 0.6,
          subject = { [[\blambdas?\b]] },
          object = { [[\bcan (?:have|contain|hold|run) (?:multiple|several|many|any number of) (?:statements|lines)\b]] } },
      },
    },
    samples = {
      good = {
        "A lambda is an anonymous function whose body is a single expression that is returned automatically. It's handy for short key functions like sorted(people, key=lambda p: p.age). If the logic needs statements or a name, use a def instead.",
        "It's a small function without a name that you write right where you need it, usually to hand to sorted or max as the key. It can only compute one expression, so anything bigger or reused deserves a normal function with def.",
        "lambda x: x * 2 is a one-liner anonymous function; good for callbacks and key=, but a named def is more readable for anything complex.",
      },
      bad = {
        "A lambda is a faster version of def that can contain several statements, so use it for performance.",
        "anonymous, expression, key, sorted, def, callback.",
        "A lambda is not anonymous and its body is not a single expression; you never pass one to sorted.",
      },
    },
  },
  {
    id = "core.lambda.sort-keys",
    topic = "core.lambda",
    level = "beginner",
    kind = "output",
    prompt = "What does this program print?",
    code = [[
words = ["pear", "Fig", "banana", "kiwi"]
print(sorted(words))
print(sorted(words, key=lambda w: w.lower()))
print(sorted(words, key=lambda w: (len(w), w)))
shout = lambda s, n=2: s.upper() + "!" * n
print(shout("hi"), shout.__name__)]],
    expected = "['Fig', 'banana', 'kiwi', 'pear']\n['banana', 'Fig', 'kiwi', 'pear']\n['Fig', 'kiwi', 'pear', 'banana']\nHI!! <lambda>",
    hints = {
      "Without a key, strings compare by code point: where do capital letters sort?",
      "The key function's result is what gets compared; a tuple key compares its first items first.",
      "Upper-case letters sort before lower-case ones; (len, word) sorts by length, then alphabetically. A lambda's __name__ is <lambda>.",
    },
    why = "key= with a lambda is the everyday use of lambdas; the tuple key and the <lambda> name are classic follow-ups.",
    wrong = { "['banana', 'Fig', 'kiwi', 'pear']\n['banana', 'Fig', 'kiwi', 'pear']\n['Fig', 'kiwi', 'pear', 'banana']\nHI!! shout",
              "['Fig', 'banana', 'kiwi', 'pear']\n['banana', 'Fig', 'kiwi', 'pear']\n['Fig', 'pear', 'kiwi', 'banana']\nHI!! <lambda>" },
  },
  {
    id = "core.lambda.max-key",
    topic = "core.lambda",
    level = "beginner",
    kind = "fill",
    prompt = "Fill the blank so `best` is the player (a dict) with the highest score.",
    code = [[
players = [{"name": "Ana", "score": 71}, {"name": "Bo", "score": 93}]
best = max(players, key=___)
print(best["name"])   # Bo]],
    blanks = {
      { "lambda p: p['score']", "operator.itemgetter('score')", "itemgetter('score')",
        patterns = { [=[lambda\s+(\w+)\s*:\s*\1\s*\[\s*(['"])score\2\s*\]]=],
                     [[lambda\s+(\w+)\s*:\s*\1\.get\(\s*(['"])score\2\s*\)]] } },
    },
    hints = {
      "key= takes a function that is called on each item.",
      "Write a one-expression function that returns a player's score.",
      "lambda p: p[\"score\"] (operator.itemgetter(\"score\") also works).",
    },
    solution = "lambda p: p['score']",
    why = "Passing a key function is the one place a lambda is idiomatic in almost every codebase.",
    wrong = { "p['score']", "lambda p: score", "lambda: p['score']", "'score'" },
  },
  {
    id = "core.lambda.valid",
    topic = "core.lambda",
    level = "beginner",
    kind = "choice",
    prompt = "Which of these are valid lambda expressions? Choose every one.",
    options = {
      { text = "lambda x, y=2: x * y", correct = true, why = "Parameters may have defaults; the body is one expression." },
      { text = "lambda *args: sum(args)", correct = true, why = "*args and **kwargs work in lambdas too." },
      { text = "lambda: print(\"hi\")", correct = true,
        why = "A call is an expression, so this is valid (it returns print's result, None)." },
      { text = "lambda x: return x * 2", why = "return is a statement; the body's value is returned automatically." },
      { text = "lambda x: y = x + 1", why = "An assignment statement is not allowed (the walrus y := x + 1 would be an expression)." },
    },
    hints = {
      "The body must be a single expression. Which bodies are statements?",
      "return and = assignments are statements; function calls are expressions.",
    },
    solution = "lambda x, y=2: x * y; lambda *args: sum(args); lambda: print(\"hi\")",
    why = "Knowing the expression-only rule precisely is what the lambda question is really about.",
  },
  {
    id = "core.lambda.followup-late-binding",
    topic = "core.lambda",
    level = "intermediate",
    kind = "output",
    prompt = "Follow-up to the lambda question: \"What do these lambdas return?\" What does this print?",
    code = [[
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
gs = [lambda i=i: i for i in range(3)]
print([g() for g in gs])]],
    expected = "[2, 2, 2]\n[0, 1, 2]",
    hints = {
      "When does a lambda look up i: when it is made, or when it is called?",
      "Closures bind names late: every lambda reads the loop variable when called, after the loop ended.",
      "A default argument is evaluated when the lambda is made, so i=i captures each value.",
    },
    solution = "[2, 2, 2]\n[0, 1, 2]",
    why = "Late binding of closures: the classic lambda trap, and the two fixes interviewers want to hear (a default argument, or functools.partial).",
    wrong = { "[0, 1, 2]\n[0, 1, 2]", "[2, 2, 2]\n[2, 2, 2]" },
  },
}
