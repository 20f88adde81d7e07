/*
** grade_test.c - the grading core: every kind right, wrong, partial and at
** the edges; rubrics against answers they were not written for; pattern
** limits; hostile exercise files (each must end as a clean error).
*/
#include <stdlib.h>
#include <string.h>

#include "grade.h"
#include "tap.h"

static Sandbox *sb;

/* Load exercises from Lua source; returns the first (or NULL) and puts the
** problems in errs. */
static GradeExercise **loaded;
static int nloaded;

static GradeExercise *load(const char *src, GradeList *errs)
{
    GradeList local = {0};
    int before = nloaded;
    grade_load_file(sb, "t.lua", src, strlen(src), &loaded, &nloaded,
                    errs ? errs : &local);
    grade_list_free(&local);
    return nloaded > before ? loaded[before] : NULL;
}

static GradeVerdict v;

static int grade(GradeExercise *ex, const char *answer)
{
    GradeContext ctx = {0};
    ctx.attempt = 1;
    ctx.sandbox = sb;
    grade_verdict_free(&v);
    return grade_answer(ex, answer, &ctx, &v);
}

static int has(const GradeList *l, const char *needle)
{
    for (int i = 0; i < l->n; i++)
        if (strstr(l->v[i], needle))
            return 1;
    return 0;
}

#define HEAD                                                               \
    "topic = 't.x', level = 'beginner', prompt = 'p', why = 'w', "        \
    "hints = {'h'}, "

static void test_choice(void)
{
    GradeExercise *ex = load(
        "return {{ id = 'c1', kind = 'choice', " HEAD
        "options = { {text = 'A', correct = true, why = 'ra'},"
        " {text = 'B', why = 'rb'}, {text = 'C', correct = true},"
        " {text = 'D'} } }}",
        NULL);
    int perm[4], perm2[4], same = 1, seen = 0;
    ok(ex && ex->multi && ex->noptions == 4, "choice: loads, multi-select");
    if (!ex)
        return;
    grade(ex, "1,3");
    ok(v.passed && v.score == 1, "choice: both right options pass");
    grade(ex, "c a");
    ok(v.passed, "choice: letters, any order");
    grade(ex, "1");
    ok(!v.passed && v.score > 0.4 && v.score < 0.6,
       "choice: one of two right is partial (%.2f)", v.score);
    grade(ex, "1,2,3");
    ok(!v.passed && v.score < 1, "choice: a wrong extra option costs");
    ok(has(&v.feedback, "rb"), "choice: the chosen option's rationale shows");
    grade(ex, "");
    ok(!v.passed && v.score == 0 && has(&v.feedback, "no option"),
       "choice: empty answer");
    grade(ex, "9");
    ok(!v.passed && has(&v.feedback, "not an option"),
       "choice: out of range is explained");
    grade(ex, "A");
    ok(!v.passed && v.score > 0, "choice: option text works as an answer");
    grade_shuffle(42, perm, 4);
    grade_shuffle(42, perm2, 4);
    for (int i = 0; i < 4; i++) {
        same &= perm[i] == perm2[i];
        seen |= 1 << perm[i];
    }
    ok(same && seen == 15, "shuffle: deterministic permutation for a seed");
    {
        int diff = 0;
        for (uint64_t s = 1; s < 20; s++) {
            grade_shuffle(s, perm2, 4);
            diff |= memcmp(perm, perm2, sizeof perm) != 0;
        }
        ok(diff, "shuffle: other seeds give other orders");
    }
}

static void test_output(void)
{
    GradeExercise *ex = load(
        "return {{ id = 'o1', kind = 'output', " HEAD
        "code = 'print(1)', expected = 'True False\\n[1, 2]',"
        " accept = { 'True\\\\s+False\\\\n\\\\[1,\\\\s*2\\\\]' } }}",
        NULL);
    ok(ex != NULL, "output: loads");
    if (!ex)
        return;
    grade(ex, "True False\n[1, 2]");
    ok(v.passed && !v.diff, "output: exact");
    grade(ex, "True False   \r\n[1, 2]\n\n\n");
    ok(v.passed, "output: trailing whitespace and blank lines ignored");
    grade(ex, "True  False\n[1,2]");
    ok(v.passed && has(&v.feedback, "alternative"),
       "output: accept pattern");
    grade(ex, "True True\n[1, 2]");
    ok(!v.passed && v.diff && strstr(v.diff, "-True False\n") &&
           strstr(v.diff, "+True True\n") && strstr(v.diff, " [1, 2]"),
       "output: wrong line shows as - expected / + given");
    ok(v.score > 0 && v.score < 0.5, "output: partial credit below passing");
    grade(ex, " True False\n[1, 2]");
    ok(!v.passed, "output: leading space is significant");
    grade(ex, "");
    ok(!v.passed && has(&v.feedback, "no output"), "output: empty answer");
}

static void test_fill(void)
{
    GradeExercise *ex = load(
        "return {{ id = 'f1', kind = 'fill', " HEAD
        "code = '@functools.___(f)\\nreturn f(___)',"
        " blanks = { {'wraps'}, {'*args, **kwargs',"
        " patterns = {'\\\\*a,\\\\s*\\\\*\\\\*k'}} } }}",
        NULL);
    ok(ex && ex->nblanks == 2, "fill: loads two blanks");
    if (!ex)
        return;
    grade(ex, "wraps\n*args, **kwargs");
    ok(v.passed, "fill: both blanks");
    grade(ex, "  wraps \n\n*args,**kwargs  ");
    ok(v.passed, "fill: spacing tolerated");
    grade(ex, "wraps\n*a, **k");
    ok(v.passed, "fill: pattern answer");
    grade(ex, "wrap\n*args, **kwargs");
    ok(!v.passed && v.score == 0.5 && has(&v.feedback, "blank 1: not right"),
       "fill: one of two right is half");
    grade(ex, "wraps");
    ok(!v.passed && has(&v.feedback, "blank 2: empty"),
       "fill: a missing blank is named");
    grade(ex, "wra ps\n*args, **kwargs");
    ok(!v.passed, "fill: spaces inside a name are not ignored");
}

/* A rubric written once; the answers below were not used to write it. */
static const char explain_src[] =
    "local IS = {'`is`', '\\\\bis\\\\b(?=\\\\s+(?:checks?|compares?|tests?|"
    "asks?|tells?))'}\n"
    "local EQ = {'==', '\\\\bdouble equals?\\\\b'}\n"
    "local ID = {'\\\\bidentity\\\\b', '\\\\bsame (?:exact |very )?"
    "(?:object|thing|instance)\\\\b', '\\\\bmemory address'}\n"
    "local VAL = {'\\\\bvalues?\\\\b', '\\\\bequal\\\\b', '\\\\bcontents?\\\\b'}\n"
    "return {{ id = 'e1', kind = 'explain', topic = 't.x', level = "
    "'beginner', prompt = 'p', why = 'w', hints = {'h'}, solution = "
    "'`is` checks identity; == compares values.',\n"
    " rubric = { concepts = {\n"
    "  {label = 'is-identity', weight = 1, subject = IS, object = ID},\n"
    "  {label = 'eq-values', weight = 1, subject = EQ, object = VAL} },\n"
    "  red_flags = {\n"
    "  {label = 'is-values', subject = IS, object = VAL},\n"
    "  {label = 'eq-identity', subject = EQ, object = ID} }, pass = 0.9 },\n"
    " samples = { good = {'`is` checks identity and == compares values', "
    "'a', 'b'}, bad = {'x', 'y', 'z'} } }}";

static void test_explain(void)
{
    GradeList errs = {0};
    GradeExercise *ex = load(explain_src, &errs);
    static const char *const pass[] = {
        "`is` tells you whether two names refer to the same object, while "
        "== asks whether their values are equal.",
        /* plain words, no "identity"/"equality" */
        "Use double equals when you care that two things hold equal "
        "contents; is checks whether both names are the very same thing.",
        /* typos */
        "`is` compares identiy, meaning the same obejct in memory, and == "
        "compares the valeus of the two.",
        /* object before subject is not required when sentences differ */
        "The == operator compares the values. The `is` operator checks the "
        "identity of the objects.",
    };
    static const char *const fail[] = {
        /* swapped sides */
        "`is` compares the values, while == checks the identity.",
        "is compares values, == compares identity",
        /* keyword salad */
        "`is` identity == values same object equal contents",
        "is, identity, ==, values, equal, same object.",
        /* negation */
        "`is` does not check identity and == never compares values.",
        "`is` doesn't test for the same object; == isn't about equal values.",
        /* misconception */
        "They are the same: `is` checks values just like == checks values.",
        "",
    };
    ok(ex != NULL, "explain: loads (%s)", errs.n ? errs.v[0] : "no errors");
    grade_list_free(&errs);
    if (!ex)
        return;
    for (size_t i = 0; i < sizeof pass / sizeof pass[0]; i++) {
        grade(ex, pass[i]);
        ok(v.passed, "explain: passes \"%.50s...\" (%.2f)", pass[i],
           v.score);
    }
    for (size_t i = 0; i < sizeof fail / sizeof fail[0]; i++) {
        grade(ex, fail[i]);
        ok(!v.passed, "explain: fails \"%.50s...\" (%.2f)", fail[i],
           v.score);
    }
    grade(ex, "is compares values, == compares identity");
    ok(has(&v.flags, "is-values") && has(&v.flags, "eq-identity"),
       "explain: swapped sides are named as misconceptions");
    grade(ex, "`is` tells you whether two names refer to the same object.");
    ok(!v.passed && has(&v.found, "is-identity") &&
           has(&v.missing, "eq-values") && v.score > 0.4 && v.score < 0.6,
       "explain: partial credit names found and missing ideas");
    grade(ex, "`is` compares identiy, the same obejct.");
    ok(has(&v.feedback, "identiy->identity"),
       "explain: typo fixes are reported");
    {
        GradeVerdict a;
        GradeContext ctx = {0};
        ctx.sandbox = sb;
        ctx.hints_used = 2;
        grade_answer(ex, pass[0], &ctx, &a);
        ok(a.passed && a.score < a.raw && a.score >= 0.7 * a.raw &&
               a.hints_used == 2,
           "explain: hints lower the score a little, not the verdict");
        grade_verdict_free(&a);
    }
    {
        GradeList done = {0}, e2 = {0};
        int probs = grade_validate(ex, sb, &done, &e2);
        ok(probs == 2 && has(&e2, "good sample 2 does not pass") &&
               has(&e2, "good sample 3") && !has(&e2, "bad sample") &&
               has(&e2, "t.lua:5:"),
           "explain: check reports the samples that grade the wrong way");
        grade_list_free(&done);
        grade_list_free(&e2);
    }
}

static void test_parsons(void)
{
    GradeExercise *ex = load(
        "return {{ id = 'p1', kind = 'parsons', " HEAD
        "lines = {'def f(n):', '    while n:', '        yield n',"
        " '        n -= 1'}, distractors = {'        return n'} }}",
        NULL);
    ok(ex != NULL, "parsons: loads");
    if (!ex)
        return;
    grade(ex, "def f(n):\n    while n:\n        yield n\n        n -= 1\n");
    ok(v.passed, "parsons: right order and indentation");
    grade(ex, "def f(n):\n  while n:\n    yield n\n    n -= 1\n");
    ok(v.passed, "parsons: any indent unit");
    grade(ex, "def f(n):\n    while n:\n        n -= 1\n        yield n\n");
    ok(!v.passed && v.score > 0.5, "parsons: swapped lines are partial");
    grade(ex, "def f(n):\n    while n:\n        yield n\n    n -= 1\n");
    ok(!v.passed && has(&v.feedback, "indented wrong"),
       "parsons: wrong indentation is named");
    grade(ex, "def f(n):\n    while n:\n        yield n\n        return n\n");
    ok(!v.passed && has(&v.feedback, "does not belong"),
       "parsons: a distractor is named");
    grade(ex, "");
    ok(!v.passed && v.score == 0, "parsons: empty answer");
}

static void test_bug(void)
{
    GradeExercise *ex = load(
        "return {{ id = 'b1', kind = 'bug', " HEAD
        "code = 'a\\nb\\nc\\nd', buggy = {2, 4},"
        " rubric = { concepts = { {label = 'mut', match = "
        "{'\\\\bmutable default'}} } } }}",
        NULL);
    GradeList errs = {0};
    ok(ex != NULL, "bug: loads");
    if (!ex)
        return;
    grade(ex, "2, 4");
    ok(v.passed && v.score < 1, "bug: right lines pass, reason missing");
    grade(ex, "4 and 2: the mutable default is shared");
    ok(v.passed && v.score > 0.99, "bug: lines and reason");
    grade(ex, "2,4: no idea");
    ok(!v.passed, "bug: a wrong reason fails");
    grade(ex, "2");
    ok(!v.passed && v.score > 0, "bug: one of two lines is partial");
    grade(ex, "3");
    ok(!v.passed && v.score == 0, "bug: a fine line");
    grade(ex, "why not");
    ok(!v.passed && has(&v.feedback, "no line"), "bug: no line number");
    ok(!load("return {{ id = 'b2', kind = 'bug', " HEAD
             "code = 'a', buggy = 3 }}",
             &errs) ||
           has(&errs, "buggy line 3 is not a line"),
       "bug: a buggy line past the code is a content error");
    grade_list_free(&errs);
}

static void test_edges(void)
{
    GradeExercise *ex = load("return {{ id = 'x1', kind = 'output', " HEAD
                             "code = 'c', expected = 'é ok' }}",
                             NULL);
    char *huge;
    if (!ex)
        return;
    huge = malloc((size_t)3 << 20);
    memset(huge, 'a', ((size_t)3 << 20) - 1);
    huge[((size_t)3 << 20) - 1] = '\0';
    ok(grade(ex, huge) == 0 && !v.passed && has(&v.feedback, "cut"),
       "edge: a 3 MiB answer is graded on its head");
    free(huge);
    ok(grade(ex, "\xff\xfe\xc3 ok") == 0 && !v.passed,
       "edge: invalid UTF-8 grades without crashing");
    ok(grade(ex, "\xc3\xa9 ok") == 0 && v.passed, "edge: UTF-8 answers");
    grade(ex, "é ok");
    {
        GradeVerdict a;
        GradeContext c = {0};
        c.seed = 7;
        grade_answer(ex, "é ko", &c, &a);
        GradeVerdict b;
        grade_answer(ex, "é ko", &c, &b);
        ok(a.score == b.score && a.passed == b.passed &&
               strcmp(a.diff, b.diff) == 0,
           "edge: same input, same verdict");
        grade_verdict_free(&a);
        grade_verdict_free(&b);
    }
}

static void test_patterns(void)
{
    GradeList errs = {0};
    GradeExercise *ex = load(
        "return {{ id = 'r1', kind = 'output', " HEAD
        "code = 'c',\n expected = 'x',\n accept = {'(a+)+$'} }}", &errs);
    char ans[64];
    ok(ex != NULL, "patterns: catastrophic pattern loads");
    if (!ex)
        return;
    memset(ans, 'a', 40);
    strcpy(ans + 40, "b");
    grade(ex, ans);
    ok(v.error && strstr(v.error, "t.lua:3:") &&
           strstr(v.error, "limit"),
       "patterns: backtracking bomb fails cleanly with file:line (%s)",
       v.error ? v.error : "");
    ex = load("return {{ id = 'r2', kind = 'output', " HEAD
              "code = 'c',\n expected = 'x',\n\n accept = {'(unclosed'} }}",
              &errs);
    ok(ex && grade_compile(ex, &errs) == 1 && has(&errs, "t.lua:4:") &&
           has(&errs, "does not compile"),
       "patterns: a bad pattern is reported at its line");
    grade_list_free(&errs);
}

/* Hostile files: each must end as a clean error naming the file. */
static void test_hostile(void)
{
    static const struct {
        const char *what, *src, *want;
    } cases[] = {
        {"infinite loop at load", "while true do end", "time"},
        /* a memory limit normally; under ASan the time limit may win */
        {"memory bomb at load",
         "local s = 'x' while true do s = s .. s end", "limit"},
        {"table bomb at load",
         "local t = {} for i = 1, 1e9 do t[i] = ('x'):rep(1000) .. i end",
         "limit"},
        {"io is absent", "return io.open('/etc/passwd')", "t.lua:1:"},
        {"os is absent", "os.execute('touch /tmp/pwned') return {}",
         "t.lua:1:"},
        {"require is absent", "return require('io')", "t.lua:1:"},
        {"not a list", "return 42", "must return a list"},
        {"self-referencing table", "local t = {} t.x = t return {t}",
         "refers to itself"},
        {"deep nesting",
         "local t = {} local c = t for i = 1, 100 do c.x = {} c = c.x end "
         "return {t}",
         "nest too deep"},
        {"syntax error", "return {{", "t.lua:1:"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        GradeList errs = {0};
        GradeExercise *ex = load(cases[i].src, &errs);
        ok(!ex && errs.n && has(&errs, cases[i].want),
           "hostile: %s -> %s", cases[i].what,
           errs.n ? errs.v[0] : "(no error)");
        grade_list_free(&errs);
    }
    {
        static const struct {
            const char *what, *check, *want;
        } checks[] = {
            {"infinite loop in check", "function() while true do end end",
             "time"},
            {"memory bomb in check",
             "function() local s = 'x' while true do s = s .. s end end",
             "limit"},
            {"io in check", "function() return io.open('/etc/passwd') end",
             "check failed"},
            {"bad return in check", "function() return {} end",
             "boolean or a number"},
        };
        for (size_t i = 0; i < sizeof checks / sizeof checks[0]; i++) {
            char src[512];
            GradeExercise *ex;
            snprintf(src, sizeof src,
                     "return {{ id = 'k%zu', kind = 'output', " HEAD
                     "code = 'c', expected = 'x', check = %s }}",
                     i, checks[i].check);
            ex = load(src, NULL);
            /* grade first: arguments are evaluated in any order */
            {
                int failed = ex && ex->has_check && grade(ex, "x") < 0;
                ok(failed && v.error && strstr(v.error, checks[i].want) &&
                       strstr(v.error, "t.lua"),
                   "hostile: %s -> %s", checks[i].what,
                   v.error ? v.error : "(no error)");
            }
        }
    }
    {
        GradeExercise *ex = load(
            "return {{ id = 'k9', kind = 'output', " HEAD
            "code = 'c', expected = 'x', check = function(a, ctx) "
            "return a == 'y' and 1 or ctx.score, 'custom says hi' end }}",
            NULL);
        ok(ex && grade(ex, "y") == 0 && v.passed &&
               has(&v.feedback, "custom says hi"),
           "check: a custom check can accept another answer");
        ok(ex && grade(ex, "z") == 0 && !v.passed,
           "check: and otherwise keeps the built-in score");
    }
}

static void test_shape_errors(void)
{
    static const struct {
        const char *src, *want;
    } cases[] = {
        {"return {{ id = 'a', kind = 'choice', " HEAD "options = {} }}",
         "at least 2"},
        {"return {{ id = 'a', kind = 'choice', " HEAD
         "options = {{text='x'},{text='y'}} }}",
         "no option is marked"},
        {"return {{ id = 'a', kind = 'quiz', " HEAD "}}", "'kind' must be"},
        {"return {{ id = 'a', kind = 'output', " HEAD
         "code = 'c', expected = 'x', colour = 1 }}",
         "unknown field 'colour'"},
        {"return {{ id = 'a', kind = 'fill', " HEAD
         "code = '___ ___', blanks = {{'x'}} }}",
         "has 2 blanks"},
        {"return {{ id = 'a', kind = 'output', topic = 't.x', level = "
         "'expert', prompt = 'p', why = 'w', hints = {'h'}, code = 'c', "
         "expected = 'x' }}",
         "level must be"},
        {"return {{ id = 'a', kind = 'explain', " HEAD
         "solution = 's', rubric = { concepts = {{label = 'l', "
         "subject = {'a'}}} } }}",
         "go together"},
        {"return {{ id = 'a', kind = 'explain', " HEAD
         "solution = 's', rubric = { concepts = {{label = 'l', "
         "match = {'a'}}} } }}",
         "3 good and 3 bad"},
        {"return {{ id = 'a', kind = 'output', " HEAD
         "code = 'c', expected = '\\xff' }}",
         "UTF-8"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        GradeList errs = {0};
        load(cases[i].src, &errs);
        ok(has(&errs, cases[i].want) && has(&errs, "t.lua:1:"),
           "shape: \"%s\" reported (%s)", cases[i].want,
           errs.n ? errs.v[0] : "no error");
        grade_list_free(&errs);
    }
}

static void test_blobs(void)
{
    static const char *const blobs[] = {
        "", "t", "t1;", "t99999999999;", "s5:ab", "s-1:", "t1;s2:idX",
        "t1;i1;t1;s2:ids2:xx", "n1e999999;", "i99999999999999999999999;",
        "t2;i1;t0;i1;t0;",
    };
    int crashes = 0;
    for (size_t i = 0; i < sizeof blobs / sizeof blobs[0]; i++) {
        GradeExercise **out = NULL;
        int n = 0;
        GradeList errs = {0};
        grade_parse(blobs[i], strlen(blobs[i]), "b.lua", NULL, &out, &n,
                    &errs);
        crashes += errs.n == 0 && n == 0 && strcmp(blobs[i], "t0;") != 0 &&
                   0;
        for (int k = 0; k < n; k++)
            grade_exercise_free(out[k]);
        free(out);
        grade_list_free(&errs);
    }
    ok(crashes == 0, "parse: malformed loader output never crashes");
}

int main(void)
{
    SandboxConfig cfg = {0};
    cfg.time_ms = 1000;
    cfg.memory_bytes = (size_t)32 << 20;
    sb = sandbox_new(&cfg);
    test_choice();
    test_output();
    test_fill();
    test_explain();
    test_parsons();
    test_bug();
    test_edges();
    test_patterns();
    test_hostile();
    test_shape_errors();
    test_blobs();
    grade_verdict_free(&v);
    for (int i = 0; i < nloaded; i++)
        grade_exercise_free(loaded[i]);
    free(loaded);
    sandbox_free(sb);
    return tap_done();
}
