-- Exercises for core.args-kwargs: packing extra arguments, unpacking at
-- call sites, forwarding.
return {
  {
    id = "core.args-kwargs.explain",
    followup = "core.args-kwargs.followup-markers",
    topic = "core.args-kwargs",
    level = "intermediate",
    kind = "explain",
    prompt = "\"What do `*args` and `**kwargs` mean in a function definition? And what do `*` and `**` do in a call?\"",
    hints = {
      "What type does each of them have inside the function?",
      "One collects extra positional arguments, the other extra keyword arguments.",
      "*args is a tuple, **kwargs a dict; at a call site, * and ** unpack a sequence and a mapping, which is how wrappers forward arguments.",
    },
    solution = "In a definition, *args collects any extra positional arguments into a tuple and **kwargs collects any extra keyword arguments into a dict; the names are only a convention, the stars do the work. The order is regular parameters, *args, keyword-only parameters, then **kwargs. At a call site the same symbols unpack: f(*seq) passes the items as positional arguments and f(**mapping) passes the pairs as keyword arguments. Together they let a wrapper or decorator accept anything and forward it unchanged with func(*args, **kwargs).",
    why = "Forwarding arguments is how decorators and wrappers work; the tuple/dict detail shows real understanding.",
    rubric = {
      concepts = {
        { label = "*args collects extra positional arguments into a tuple", weight = 2,
          subject = { [[\*\s*args\b]], [[\bargs\b]], [[\bsingle (?:star|asterisk)\b]], [[\bone (?:star|asterisk)\b]] },
          object = { [[\btuples?\b]], [[\bpositional\b]] } },
        { label = "**kwargs collects extra keyword arguments into a dict", weight = 2,
          subject = { [[\*\*\s*kwargs\b]], [[\bkwargs\b]], [[\bdouble (?:star|asterisk)\b]], [[\btwo (?:stars|asterisks)\b]] },
          object = { [[\bdict\w*]], [[\bkeyword\b]], [[\bnamed\b]], [[\bmapping\b]] } },
        { label = "at a call site, * and ** unpack (used to forward arguments)", weight = 1.5,
          match = { [[\bunpack\w*]], [[\bspread\w*]], [[\bsplat\w*]], [[\bcall sites?\b]], [[\bforward\w*]],
                    [[\bpass(?:es|ing)? (?:them|it|everything|all) (?:on|through|along)\b]], [[\bexpand\w*]] } },
        { label = "names are a convention; order of parameters; wrappers", weight = 0.5,
          match = { [[\bconvention\w*]], [[\bany name\b]], [[\border\b]], [[\bkeyword-only\b]], [[\bwrappers?\b]],
                    [[\bdecorators?\b]], [[\bany number\b]], [[\barbitrary\b]], [[\bvariable number\b]] } },
      },
      red_flags = {
        { label = "*args is a tuple of positional arguments, not a dict", penalty = 0.6,
          subject = { [[\*\s*args\b]], [[\bargs\b]] },
          object = { [[\bdict\w*]], [[\bkeyword arguments\b]] } },
        { label = "**kwargs is a dict of keyword arguments, not a list or tuple", penalty = 0.6,
          subject = { [[\*\*\s*kwargs\b]], [[\bkwargs\b]] },
          object = { [[\blists?\b]], [[\btuples?\b]], [[\bpositional\b]] } },
      },
    },
    samples = {
      good = {
        "*args gathers any extra positional arguments into a tuple, and **kwargs gathers extra keyword arguments into a dict. In a call, * and ** unpack a list or dict into arguments, which is how a wrapper forwards everything with func(*args, **kwargs).",
        "The single star parameter soaks up leftover positional values as a tuple; the double star one soaks up leftover name=value arguments as a dictionary. Used in a call, the stars do the opposite and spread a sequence or a dict out into separate arguments.",
        "args ends up a tuple of the positional extras, kwargs a dict of keyword extras; the names are just convention. f(*xs, **opts) unpacks them again.",
      },
      bad = {
        "*args is a dict of keyword arguments and **kwargs is a list of positional ones.",
        "*args, **kwargs, tuple, dict, unpacking, positional, keyword.",
        "*args does not collect positional arguments into a tuple and **kwargs does not make a dict; you cannot unpack at a call.",
      },
    },
  },
  {
    id = "core.args-kwargs.trace",
    topic = "core.args-kwargs",
    level = "intermediate",
    kind = "output",
    prompt = "What does this program print?",
    code = [[
def report(title, *args, sep="-", **kwargs):
    print(title, args, sep, kwargs)

report("a")
report("b", 1, 2, sep="+", level=3)
values = [4, 5]
opts = {"sep": "/", "user": "kim"}
report(*values, **opts)]],
    expected = "a () - {}\nb (1, 2) + {'level': 3}\n4 (5,) / {'user': 'kim'}",
    hints = {
      "What are args and kwargs when nothing extra is passed?",
      "sep is keyword-only (it comes after *args), so it never lands in args; named arguments it does not claim go to kwargs.",
      "In the last call, *values gives title=4 and args=(5,); **opts gives sep='/' and kwargs={'user': 'kim'}.",
    },
    why = "Tracing packing and unpacking, including a keyword-only parameter, is a standard whiteboard exercise.",
    wrong = { "a () - {}\nb (1, 2) + {'level': 3}\n[4, 5] () / {'user': 'kim'}",
              "a None - None\nb (1, 2) + {'level': 3}\n4 (5,) / {'user': 'kim'}",
              "a () - {}\nb [1, 2] + {'level': 3}\n4 [5] / {'sep': '/', 'user': 'kim'}" },
  },
  {
    id = "core.args-kwargs.forward-twice",
    topic = "core.args-kwargs",
    level = "intermediate",
    kind = "bug",
    prompt = "`connect(\"db.local\", timeout=5)` raises `TypeError: open_socket() got multiple values for keyword argument 'timeout'`. Which line is the bug? Then say why.",
    code = [[
def connect(host, *args, **kwargs):
    timeout = kwargs.get("timeout", 10)
    log(f"connecting to {host} (timeout {timeout})")
    return open_socket(host, *args, timeout=timeout, **kwargs)]],
    buggy = 2,
    rubric = {
      concepts = {
        { label = "get() leaves timeout in kwargs, so it is passed twice", weight = 2,
          match = { [[\btwice\b]], [[\btwo times\b]], [[\bmultiple values\b]],
                    [[\b(?:doesn't|never|not) (?:take|remove|pop|delete)\w* (?:\w+ ){0,2}(?:out|from)\b]], [[\bstill (?:in|inside) (?:the )?kwargs\b]],
                    [[\b(?:leaves|keeps|remains?)\b[^.;]{0,30}\bkwargs\b]], [[\bduplicat\w*]], [[\bagain\b]],
                    [[\bdoesn't remove\b]], [[\bnot removed\b]], [[\bdoes not remove\b]] } },
        { label = "fix: kwargs.pop(\"timeout\", 10) takes it out", weight = 1,
          match = { [[\bpop\b]] } },
      },
    },
    samples = {
      good = {
        "kwargs.get reads timeout but leaves it in kwargs, so line 4 passes timeout twice: once explicitly and once inside **kwargs. Use kwargs.pop(\"timeout\", 10).",
        "get doesn't remove the key; pop it instead so it isn't forwarded again.",
      },
      bad = {
        "The f-string on line 3 is wrong.",
        "kwargs, timeout, get.",
      },
    },
    hints = {
      "After line 2, what is still inside kwargs?",
      "The call on line 4 passes timeout explicitly and again through **kwargs.",
      "dict.get reads a key; dict.pop reads it and removes it.",
    },
    solution = "kwargs.get leaves \"timeout\" in kwargs, so line 4 passes it twice (explicitly and via **kwargs). Use kwargs.pop(\"timeout\", 10) to take it out before forwarding.",
    why = "Taking an option out of kwargs before forwarding the rest is the everyday pattern for wrappers.",
    wrong = { "4", "1", "3" },
  },
  {
    id = "core.args-kwargs.signatures",
    topic = "core.args-kwargs",
    level = "intermediate",
    kind = "choice",
    prompt = "Which of these function definitions are valid Python? Choose every one.",
    options = {
      { text = "def f(a, *args, b=1, **kwargs): ...", correct = true,
        why = "The canonical order: regular, *args, keyword-only, **kwargs." },
      { text = "def f(*args, a): ...", correct = true,
        why = "Valid: a comes after *args, so it is keyword-only and must be passed as f(1, 2, a=3)." },
      { text = "def f(a, **kwargs, *args): ...",
        why = "SyntaxError: **kwargs must be the last parameter." },
      { text = "def f(**kwargs, a): ...",
        why = "SyntaxError: nothing may follow **kwargs." },
    },
    hints = {
      "**kwargs has a fixed place in the parameter list.",
      "Order: regular parameters, *args, keyword-only parameters, **kwargs. Anything after *args is keyword-only.",
    },
    solution = "def f(a, *args, b=1, **kwargs) and def f(*args, a).",
    why = "Keyword-only parameters after *args are a detail that shows you know the signature rules, not just the names.",
  },
  {
    id = "core.args-kwargs.followup-markers",
    topic = "core.args-kwargs",
    level = "intermediate",
    kind = "output",
    prompt = "Follow-up to the `*args`/`**kwargs` question: \"What do a bare `/` and `*` in a signature mean?\" What does this print in Python 3.11?",
    code = [[
def f(a, /, b, *, c):
    return a, b, c

print(f(1, 2, c=3))
print(f(1, b=2, c=3))
try:
    f(a=1, b=2, c=3)
except TypeError as e:
    print(e)
try:
    f(1, 2, 3)
except TypeError as e:
    print(e)]],
    expected = "(1, 2, 3)\n(1, 2, 3)\nf() got some positional-only arguments passed as keyword arguments: 'a'\nf() takes 2 positional arguments but 3 were given",
    hints = {
      "Parameters before / and after * are special; b is an ordinary parameter.",
      "Before / : positional-only. After * : keyword-only.",
      "So a cannot be passed as a=1, and c cannot be passed by position.",
    },
    solution = "(1, 2, 3)\n(1, 2, 3)\nf() got some positional-only arguments passed as keyword arguments: 'a'\nf() takes 2 positional arguments but 3 were given",
    why = "Reading signatures such as sorted(iterable, /, *, key=None, reverse=False): positional-only (/) and keyword-only (*) parameters, and the errors that break callers.",
    wrong = { "(1, 2, 3)\n(1, 2, 3)\n(1, 2, 3)\n(1, 2, 3)" },
  },
}
