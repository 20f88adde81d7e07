/*
** exercises_test.c - the app's exercise loader: walking exercises/,
** cross-file checks (duplicate ids, unknown topics, file named after its
** topic), lookup by id and by lesson, suggestions.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "exercises.h"
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
    {
        char *cmd = xasprintf("rm -rf '%s'", root);
        if (system(cmd) != 0)
            tap_diag("could not remove %s", root);
        free(cmd);
    }
    return tap_done();
}
