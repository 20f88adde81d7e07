-- Exercises for core.unittest-vs-pytest: TestCase classes vs plain asserts,
-- fixtures and parametrize.
return {
  {
    id = "core.unittest-vs-pytest.explain",
    followup = "core.unittest-vs-pytest.followup-fixtures",
    topic = "core.unittest-vs-pytest",
    level = "advanced",
    kind = "explain",
    prompt = "\"Compare unittest and pytest. Which would you choose for a new project, and why?\"",
    hints = {
      "One ships with Python; the other is installed with pip. How does a test look in each?",
      "unittest: TestCase subclasses, setUp/tearDown, self.assertEqual. pytest: plain functions and plain assert.",
      "pytest adds fixtures injected by name, parametrize, detailed assert messages and plugins, and still runs unittest tests.",
    },
    solution = "unittest is in the standard library and follows the xUnit style: you subclass unittest.TestCase, name methods test_*, prepare state in setUp and tearDown, and check with methods such as self.assertEqual. pytest is a third-party framework where tests are plain functions using the plain assert statement; it rewrites asserts to show detailed failure output. Its fixtures are functions injected by parameter name, with scopes and teardown via yield, and @pytest.mark.parametrize turns one test into many cases; a large plugin ecosystem adds coverage, parallel runs and more. pytest also runs existing unittest tests, so for a new project I would pick pytest unless a no-dependency constraint forces unittest.",
    why = "Testing habits say a lot about a candidate; interviewers want the trade-off, not a fan's answer.",
    rubric = {
      concepts = {
        { label = "unittest: standard library, TestCase classes, setUp/tearDown, assert methods", weight = 2,
          match = { [[\bthe built[- ]in one\b]], [[\btestcase\b]], [[\bsetup\b]], [[\bteardown\b]],
                    [[\bassert(?:equal|true|raises|in)\w*]], [[\bclass(?:es)?[- ]based\b]], [[\bxunit\b]], [[\bjunit\b]],
                    [[\bboilerplate\b]], [[\bunittest\b[^.;]{0,30}\bclass(?:es)?\b]] },
          subject = { [[\bunittest\b]] },
          object = { [[\bstandard library\b]], [[\bstdlib\b]], [[\bbuilt[- ]in\b]], [[\bships with python\b]], [[\bno (?:extra )?dependenc\w*]] } },
        { label = "pytest: third-party, plain functions and plain assert with detailed output", weight = 2,
          match = { [[\bplain assert\w*]], [[\bbare assert\w*]], [[\bassert statements?\b]], [[\bjust (?:use |write )?(?:an? )?assert\b]],
                    [[\bassertion rewriting\b]], [[\brewrit\w* (?:the )?asserts?\b]],
                    [[\bplain functions?\b]], [[\bnormal assert\b]] },
          subject = { [[\bpytest\b]] },
          object = { [[\bthird[- ]party\b]], [[\bpip install\w*]], [[\bexternal\b]], [[\binstall(?:ed)? (?:separately|with pip)\b]] } },
        { label = "pytest fixtures (injected by name) and parametrize", weight = 1.5,
          match = { [[\bfixtures?\b]], [[\bparametri[sz]\w*]], [[\bdependency injection\b]], [[\binject\w*]] } },
        { label = "pytest runs unittest tests too; plugins; a reasoned choice", weight = 1,
          match = { [[\bruns? (?:existing |old )?unittest\b]], [[\bcompatib\w*]], [[\bplugins?\b]], [[\bpytest-\w+]],
                    [[\bno (?:extra )?dependenc\w*]], [[\becosystem\b]] } },
      },
      red_flags = {
        { label = "pytest is third-party, not in the standard library", penalty = 0.6,
          subject = { [[\bpytest\b]] },
          object = { [[\bstandard library\b]], [[\bstdlib\b]], [[\bbuilt[- ]in\b]], [[\bships with python\b]] } },
        { label = "unittest is in the standard library, not third-party", penalty = 0.6,
          subject = { [[\bunittest\b]] },
          object = { [[\bthird[- ]party\b]], [[\bplugin\b]], [[\bpip install\w*]], [[\bneeds? (?:to be )?install\w*]] } },
        { label = "pytest can run unittest-style tests", penalty = 0.6,
          match = { [[\b(?:can't|cannot|doesn't|does not|won't) (?:run|understand|support) (?:unittest|testcase)\w*]] } },
      },
    },
    samples = {
      good = {
        "unittest is in the standard library: you subclass TestCase, use setUp and tearDown, and call self.assertEqual. pytest is third-party; tests are plain functions with plain assert, and it shows detailed failure output. Its fixtures and parametrize cut boilerplate, and it can also run unittest tests, so I'd choose pytest.",
        "The built-in one makes you write a class per group of tests and use special assert methods. With pytest you write ordinary functions and just use assert, and it still tells you exactly what differed. Shared setup comes in as fixtures that it hands to your test by argument name. I'd pick pytest unless we can't add dependencies.",
        "unittest is the xUnit-style framework that ships with Python, and its tests are class-based. pytest lets you write plain assert statements, injects fixtures by name and has @pytest.mark.parametrize and lots of plugins; it runs old unittest suites too.",
      },
      bad = {
        "pytest comes with the standard library while unittest needs to be installed with pip, and pytest cannot run unittest tests.",
        "unittest, pytest, TestCase, assert, fixtures, parametrize, plugins.",
        "unittest is not in the standard library, it has no TestCase or setUp, and pytest has no fixtures or parametrize.",
      },
    },
  },
  {
    id = "core.unittest-vs-pytest.parametrize",
    topic = "core.unittest-vs-pytest",
    level = "advanced",
    kind = "fill",
    prompt = "Complete the pytest test so it runs once per case and checks the result the pytest way.",
    code = [[
import pytest

@pytest.mark.___("text, expected", [
    ("abc", 3),
    ("", 0),
    ("héllo", 5),
])
def test_length(text, expected):
    ___ len(text) == expected]],
    blanks = {
      { "parametrize" },
      { "assert" },
    },
    hints = {
      "One marker turns a list of cases into separate tests.",
      "pytest uses the plain statement that raises AssertionError, not a method.",
      "@pytest.mark.parametrize(...) and assert.",
    },
    solution = "parametrize\nassert",
    why = "Parametrised tests and plain asserts are the two pytest features every interviewer expects you to know.",
    wrong = { "parameterize\nassert", "parametrize\nself.assertEqual", "fixture\nassert" },
  },
  {
    id = "core.unittest-vs-pytest.lifecycle",
    topic = "core.unittest-vs-pytest",
    level = "advanced",
    kind = "output",
    prompt = "What does this program print? (The runner's own report goes to a StringIO and is not shown.)",
    code = [[
import io
import unittest

class TestSlug(unittest.TestCase):
    def setUp(self):
        print("setUp")

    def tearDown(self):
        print("tearDown")

    def test_upper(self):
        print("test_upper")
        self.assertEqual("a-b".upper(), "A-B")

    def test_fails(self):
        print("test_fails")
        self.assertEqual(1 + 1, 3)

    def helper(self):
        print("helper")

suite = unittest.defaultTestLoader.loadTestsFromTestCase(TestSlug)
result = unittest.TextTestRunner(stream=io.StringIO()).run(suite)
print(result.testsRun, len(result.failures))]],
    expected = "setUp\ntest_fails\ntearDown\nsetUp\ntest_upper\ntearDown\n2 1",
    hints = {
      "Which methods does the loader treat as tests, and in what order does it run them?",
      "Only test_* methods are tests, sorted by name; setUp and tearDown wrap each test.",
      "tearDown still runs after a failed assertion; helper never runs.",
    },
    why = "The per-test setUp/tearDown cycle and discovery by name are the core of unittest.",
    wrong = { "setUp\ntest_upper\ntearDown\nsetUp\ntest_fails\ntearDown\n2 1",
              "setUp\ntest_fails\nsetUp\ntest_upper\ntearDown\n2 1",
              "setUp\ntest_fails\ntest_upper\ntearDown\n2 1" },
  },
  {
    id = "core.unittest-vs-pytest.followup-fixtures",
    topic = "core.unittest-vs-pytest",
    level = "advanced",
    kind = "explain",
    prompt = "Follow-up to the testing question: \"What is a pytest fixture? How does pytest decide which fixture a test gets, and how is the fixture cleaned up?\"",
    hints = {
      "How does a test function ask for a fixture, given that it never calls it?",
      "pytest matches the test's parameter names against fixture names and injects the values.",
      "Code after the fixture's yield runs as teardown; scope sets how often it is rebuilt; conftest.py shares fixtures.",
    },
    solution = "A fixture is a function marked with @pytest.fixture that provides something a test needs, such as a temporary directory, a database connection or sample data. A test requests it simply by naming it as a parameter: pytest matches parameter names against fixture names, calls the fixture and injects its value, and fixtures can request other fixtures the same way. For cleanup, the fixture yields the value instead of returning it; the code after yield runs as teardown once the test finishes, even if it failed. A scope argument (function, module, session) controls how often it is rebuilt, fixtures in conftest.py are shared across files, and built-ins such as tmp_path and monkeypatch cover common needs.",
    why = "Fixtures are the heart of pytest; dependency injection by name surprises people coming from unittest.",
    rubric = {
      concepts = {
        { label = "a @pytest.fixture function provides setup data or resources", weight = 1.5,
          match = { [[pytest\.fixture\b]], [[\bset ?up\b]], [[\bprovides?\b]], [[\bresources?\b]], [[\btest data\b]], [[\bsample data\b]],
                    [[\bconnections?\b]], [[\bdecorat\w*]] } },
        { label = "pytest injects it by matching the test's parameter name", weight = 2,
          match = { [[\bparameter names?\b]], [[\bargument names?\b]], [[\bby (?:its |their )?name\b]], [[\bsame name\b]], [[\binject\w*]],
                    [[\bmatch\w* (?:the )?(?:names?|arguments?|parameters?)\b]], [[\bnaming it as (?:a |an )?(?:parameter|argument)\b]],
                    [[\bask\w* for it\b]] } },
        { label = "teardown: code after yield runs when the test is done", weight = 2,
          match = { [[\byield\w*]], [[\baddfinalizer\b]], [[\bclean ?-?up\b]], [[\bteardown\b]], [[\btear down\b]] } },
        { label = "scope, conftest.py, fixtures using fixtures, built-ins", weight = 1,
          match = { [[\bscopes?\b]], [[\bsession\b]], [[\bconftest\w*]], [[\bother fixtures\b]], [[\btmp_path\b]], [[\bmonkeypatch\b]], [[\bcapsys\b]] } },
      },
      red_flags = {
        { label = "tests do not call fixtures directly: pytest injects them", penalty = 0.6,
          match = { [[\b(?:you )?(?:must |have to |need to )?call (?:the )?fixtures? (?:directly|yourself|inside the test)\b]] } },
      },
    },
    samples = {
      good = {
        "A fixture is a function decorated with @pytest.fixture that provides data or a resource. A test asks for it by naming it as a parameter, and pytest injects the value by matching the name. For cleanup the fixture yields the value and the code after yield runs as teardown; scope and conftest.py control reuse and sharing.",
        "It's a helper that prepares something a test needs, like a temp folder. The test just lists it among its arguments and pytest hands it over, because the argument has the same name as the helper. If the helper yields instead of returning, whatever comes after the yield runs once the test is over, so that's where you clean up.",
        "pytest injects fixtures by argument name; yield splits setup from teardown, and the scope decides whether it's rebuilt per test, module or session.",
      },
      bad = {
        "A fixture is a test you call directly inside other tests, and you must call fixtures yourself; pytest never cleans them up.",
        "fixture, yield, scope, conftest, injection, teardown.",
        "pytest does not inject fixtures by name, and code after yield does not run after the test.",
      },
    },
  },
}
