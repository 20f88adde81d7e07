/*
** exercises_test.c - the app's exercise loader: walking exercises/,
** cross-file checks (duplicate ids, unknown topics, file named after its
** topic, follow-up links), lookup by id and by lesson, suggestions, and
** how sessions select follow-ups (after their question, never alone).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "exercises.h"
#include "progress.h"
#include "tap.h"
#include "util.h"

static char root[] = "/tmp/pyprep-ex-test-XXXXXX";

static void put(const char *rel, const char *text)
{
    char *p = xasprintf("%s/%s", root, rel);
    FILE *f = fopen(p, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
    free(p);
}

#define EX(id, topic)                                                      \
    "{ id = '" id "', topic = '" topic "', level = 'beginner', kind = "  \
    "'output', prompt = 'p', why = 'w', hints = {'h'}, code = 'c', "    \
    "expected = 'x' }"

/* One output exercise per line; FU names a follow-up ("" for none). */
#define EXF(id, fu)                                                        \
    "  { id = '" id "', topic = 'core.f', level = 'beginner', kind = "   \
    "'output', prompt = 'p', why = 'w', hints = {'h'}, code = 'c', "     \
    "expected = 'x'" fu " },\n"

static int has(const GradeList *l, const char *needle)
{
    for (int i = 0; i < l->n; i++)
        if (strstr(l->v[i], needle))
            return 1;
    return 0;
}

int main(void)
{
    ExerciseSet *s;
    char *dirs[1];
    Content c;
    Chapter ch;
    Lesson lesson;
    char *topics[] = {"core.a", "core.b"};
    GradeExercise **list;
    const char *sug[3];
    int n;

    if (!mkdtemp(root))
        return 1;
    {
        char *d1 = xasprintf("%s/exercises", root);
        char *d2 = xasprintf("%s/exercises/core", root);
        char *d3 = xasprintf("%s/exercises/02-core", root);
        mkdir(d1, 0700);
        mkdir(d2, 0700);
        mkdir(d3, 0700);
        free(d1);
        free(d2);
        free(d3);
    }
    put("exercises/core/a.lua",
        "return {\n" EX("core.a.one", "core.a") ",\n" EX("core.a.two",
                                                        "core.a") "}\n");
    put("exercises/core/b.lua",
        "return {\n" EX("core.b.one", "core.b") ",\n" EX("core.a.one",
                                                        "core.b") "}\n");
    put("exercises/02-core/c.lua",
        "return {\n" EX("core.c.one", "core.zzz") "}\n");
    put("exercises/core/notes.txt", "not an exercise file");

    memset(&c, 0, sizeof c);
    memset(&ch, 0, sizeof ch);
    memset(&lesson, 0, sizeof lesson);
    lesson.id = "core.ab";
    lesson.topics = topics;
    lesson.ntopics = 2;
    ch.lessons = &lesson;
    ch.nlessons = 1;
    c.chapters = &ch;
    c.nchapters = 1;
    dirs[0] = root;
    s = exercises_load(dirs, 1, &c);
    ok(s->nfiles == 3, "exercises: three .lua files found (%d)", s->nfiles);
    ok(s->n == 5, "exercises: five exercises loaded (%d)", s->n);
    ok(has(&s->errors, "b.lua:3: duplicate id 'core.a.one' (first used in"),
       "exercises: duplicate id across files, at its line");
    ok(has(&s->errors, "c.lua:2: core.c.one: topic 'core.zzz' in a file "
                       "for topic 'core.c'"),
       "exercises: the file must be named after its topic (NN- prefix "
       "ignored)");
    ok(has(&s->errors, "no lesson lists topic 'core.zzz'"),
       "exercises: unknown topics are errors");
    {
        int fa = -1, fb = -1;
        for (int i = 0; i < s->nfiles; i++) {
            if (strstr(s->files[i], "/core/a.lua"))
                fa = i;
            if (strstr(s->files[i], "/core/b.lua"))
                fb = i;
        }
        ok(fa >= 0 && fb >= 0 && s->file_errors[fa] == 0 &&
               s->file_errors[fb] > 0,
           "exercises: problems are counted per file");
    }
    ok(exercises_find(s, "core.a.two") &&
           exercises_find(s, "core.a.two")->line == 3,
       "exercises: find by id, with its line");
    ok(!exercises_find(s, "core.nope"), "exercises: unknown id is NULL");
    n = exercises_for_lesson(s, &lesson, &list);
    ok(n == 4, "exercises: a lesson gets its topics' exercises (%d)", n);
    free(list);
    n = exercises_suggest(s, "core.a.tow", sug, 3);
    ok(n >= 1 && strcmp(sug[0], "core.a.two") == 0,
       "exercises: suggestions for a misspelt id");
    exercises_free(s);

    /* follow-up links: line N of f.lua is the Nth exercise + 1 */
    {
        char *d = xasprintf("%s/exercises/core/f.lua", root);
        char *rm = xasprintf("%s/exercises/core/b.lua", root);
        char *rm2 = xasprintf("%s/exercises/02-core/c.lua", root);
        char *topics_f[] = {"core.a", "core.f"};
        GradeExercise **sel;
        DrillSpec sp;
        char err[128];
        int bad_order = 0, alone = 0, seen_fu = 0, nsel;

        unlink(rm);
        unlink(rm2);
        free(rm);
        free(rm2);
        put("exercises/core/f.lua",
            "return {\n" EXF("core.f.q1", ", followup = 'core.f.fu1'")
                EXF("core.f.fu1", "")
                EXF("core.f.q2", ", followup = 'core.f.fu1x'")
                EXF("core.f.q3", ", followup = 'core.f.fu1'")
                EXF("core.f.q4", ", followup = 'core.f.q5'")
                EXF("core.f.q5", ", followup = 'core.f.q6'")
                EXF("core.f.q6", "")
                EXF("core.f.q7", ", followup = 'core.f.q7'")
                EXF("core.f.q8", ", followup = 'no spaces'")
                EXF("core.f.q9", ", followup = 'core.f.fu9'")
                EXF("core.f.fu9", "") EXF("core.f.q10", "") "}\n");
        free(d);
        topics[1] = topics_f[1];
        s = exercises_load(dirs, 1, &c);
        ok(s->n == 14, "followup: every exercise loads (%d)", s->n);
        ok(has(&s->errors, "f.lua:4: core.f.q2: followup 'core.f.fu1x' is "
                           "not an exercise id (did you mean "
                           "'core.f.fu1'?)"),
           "followup: an unknown id is an error at its line, with a "
           "suggestion");
        ok(has(&s->errors, "f.lua:5: core.f.q3: 'core.f.fu1' is already "
                           "the follow-up of core.f.q1"),
           "followup: one parent per follow-up");
        ok(has(&s->errors, "f.lua:6: core.f.q4: followup 'core.f.q5' has a "
                           "follow-up of its own ('core.f.q6')"),
           "followup: no follow-up of a follow-up");
        ok(has(&s->errors, "f.lua:9: core.f.q7: an exercise cannot be its "
                           "own follow-up"),
           "followup: not itself (grade_parse)");
        ok(has(&s->errors, "f.lua:10: core.f.q8: followup must be an "
                           "exercise id, not 'no spaces'"),
           "followup: must look like an id (grade_parse)");
        ok(exercises_followup(s, exercises_find(s, "core.f.q1")) ==
                   exercises_find(s, "core.f.fu1") &&
               exercises_parent(s, exercises_find(s, "core.f.fu1")) ==
                   exercises_find(s, "core.f.q1") &&
               exercises_parent(s, exercises_find(s, "core.f.q6")) ==
                   exercises_find(s, "core.f.q5"),
           "followup: links resolve both ways");
        ok(!exercises_followup(s, exercises_find(s, "core.f.q2")) &&
               !exercises_followup(s, exercises_find(s, "core.f.q3")) &&
               !exercises_followup(s, exercises_find(s, "core.f.q4")) &&
               !exercises_parent(s, exercises_find(s, "core.f.q1")),
           "followup: a broken link is dropped");

        /* a seeded interview asks each follow-up right after its
        ** question; a drill never draws one */
        memset(&sp, 0, sizeof sp);
        sp.topics = &topics_f[1];
        sp.ntopics = 1;
        for (uint64_t seed = 1; seed <= 30; seed++) {
            sp.mode = "interview";
            sp.seed = seed;
            sp.count = 3;
            nsel = drill_select(s, &sp, &sel, err, sizeof err);
            for (int i = 0; i < nsel; i++) {
                GradeExercise *f = exercises_followup(s, sel[i]);
                GradeExercise *par = exercises_parent(s, sel[i]);
                if (f && (i + 1 >= nsel || sel[i + 1] != f))
                    bad_order++;
                if (par && (i == 0 || sel[i - 1] != par))
                    bad_order++;
                seen_fu += par != NULL;
            }
            if (nsel > 0)
                free(sel);
            sp.mode = "drill";
            sp.count = 0;
            nsel = drill_select(s, &sp, &sel, err, sizeof err);
            for (int i = 0; i < nsel; i++)
                alone += exercises_parent(s, sel[i]) != NULL;
            if (nsel > 0)
                free(sel);
        }
        ok(bad_order == 0 && seen_fu > 0,
           "followup: interviews ask it right after its question (%d "
           "follow-ups in 30 seeds, %d out of place)",
           seen_fu, bad_order);
        ok(alone == 0, "followup: drills never draw a follow-up alone (%d)",
           alone);
        sp.mode = "drill";
        sp.topics = NULL;
        sp.ntopics = 0;
        {
            char *ids[] = {"core.f.fu1"};
            sp.ids = ids;
            sp.nids = 1;
            nsel = drill_select(s, &sp, &sel, err, sizeof err);
            ok(nsel == 1 && sel[0] == exercises_find(s, "core.f.fu1"),
               "followup: a drill file may still name one");
            if (nsel > 0)
                free(sel);
        }
        {
            /* review: a due follow-up comes right after its due question */
            char *ids[] = {"core.f.fu1", "core.f.q10", "core.f.q1",
                           "core.f.fu9"};
            sp.mode = "review";
            sp.ids = ids;
            sp.nids = 4;
            nsel = drill_select(s, &sp, &sel, err, sizeof err);
            ok(nsel == 4 && sel[0] == exercises_find(s, "core.f.q10") &&
                   sel[1] == exercises_find(s, "core.f.q1") &&
                   sel[2] == exercises_find(s, "core.f.fu1") &&
                   sel[3] == exercises_find(s, "core.f.fu9"),
               "followup: review serves a due follow-up after its due "
               "question, alone when the question is not due");
            if (nsel > 0)
                free(sel);
        }
        exercises_free(s);
    }
    {
        char *cmd = xasprintf("rm -rf '%s'", root);
        if (system(cmd) != 0)
            tap_diag("could not remove %s", root);
        free(cmd);
    }
    return tap_done();
}
