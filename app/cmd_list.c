/*
** cmd_list.c - `pyprep list [--exercises] [--json]`: chapters and lessons,
** or every exercise (id, topic, level, kind).
**
** Plain text for people, a JSON array for scripts. Broken lessons are
** listed as unavailable and their errors go to stderr; the exit status
** stays 0 so one bad file never hides the rest.
*/
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "content.h"
#include "exercises.h"
#include "json.h"

static void print_json(const Content *c)
{
    Json j = {0};
    json_begin_array(&j);
    for (int i = 0; i < c->nchapters; i++) {
        const Chapter *ch = &c->chapters[i];
        for (int k = 0; k < ch->nlessons; k++) {
            const Lesson *l = &ch->lessons[k];
            json_begin_object(&j);
            json_key(&j, "id");
            json_string(&j, l->id);
            json_key(&j, "title");
            json_string(&j, l->title);
            json_key(&j, "chapter");
            json_string(&j, ch->id);
            json_key(&j, "level");
            if (l->error)
                json_null(&j);
            else
                json_string(&j, level_name(l->level));
            json_key(&j, "topics");
            json_begin_array(&j);
            for (int t = 0; t < l->ntopics; t++)
                json_string(&j, l->topics[t]);
            json_end_array(&j);
            if (l->error) {
                json_key(&j, "error");
                json_string(&j, l->error);
            }
            json_end_object(&j);
        }
    }
    json_end_array(&j);
    printf("%s\n", j.out.data);
    buf_free(&j.out);
}

static void print_text(const Content *c)
{
    int w = 0;
    for (int i = 0; i < c->nchapters; i++)
        for (int k = 0; k < c->chapters[i].nlessons; k++) {
            int n = (int)strlen(c->chapters[i].lessons[k].id);
            w = n > w ? n : w;
        }
    for (int i = 0; i < c->nchapters; i++) {
        const Chapter *ch = &c->chapters[i];
        printf("%s%s: %s\n", i ? "\n" : "", ch->id, ch->title);
        for (int k = 0; k < ch->nlessons; k++) {
            const Lesson *l = &ch->lessons[k];
            if (l->error)
                printf("  %-*s  %-12s (unavailable, see errors)\n", w, l->id,
                       "-");
            else
                printf("  %-*s  %-12s  %s\n", w, l->id, level_name(l->level),
                       l->title);
        }
    }
}

static int print_exercises(const Content *c, int json)
{
    ExerciseSet *set = exercises_load((char **)&c->root, 1, c);
    if (json) {
        Json j = {0};
        json_begin_array(&j);
        for (int i = 0; i < set->n; i++) {
            const GradeExercise *ex = set->v[i];
            json_begin_object(&j);
            json_key(&j, "id");
            json_string(&j, ex->id);
            json_key(&j, "topic");
            json_string(&j, ex->topic ? ex->topic : "");
            json_key(&j, "level");
            json_string(&j, ex->level ? ex->level : "");
            json_key(&j, "kind");
            json_string(&j, grade_kind_name(ex->kind));
            json_end_object(&j);
        }
        json_end_array(&j);
        printf("%s\n", j.out.data);
        buf_free(&j.out);
    } else {
        int w = 0;
        for (int i = 0; i < set->n; i++) {
            int n = (int)strlen(set->v[i]->id);
            w = n > w ? n : w;
        }
        for (int i = 0; i < set->n; i++) {
            const GradeExercise *ex = set->v[i];
            printf("%-*s  %-8s %-12s  %s%s\n", w, ex->id,
                   grade_kind_name(ex->kind), ex->level ? ex->level : "-",
                   ex->topic ? ex->topic : "-",
                   grade_kind_available(ex->kind) ? ""
                                                  : " (not in this build)");
        }
    }
    for (int i = 0; i < set->errors.n; i++)
        fprintf(stderr, "%s\n", set->errors.v[i]);
    exercises_free(set);
    return 0;
}

int cmd_list(int argc, char **argv)
{
    int json = 0, exercises = 0;
    Content *c;

    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0) {
            json = 1;
        } else if (strcmp(argv[i], "--exercises") == 0) {
            exercises = 1;
        } else {
            fprintf(stderr, "%s: list: unknown option '%s'\n"
                            "usage: %s list [--exercises] [--json]\n",
                    progname, argv[i], progname);
            return 2;
        }
    }
    if (!(c = content_open()))
        return 2;
    if (exercises) {
        int rc = print_exercises(c, json);
        content_free(c);
        return rc;
    }
    if (json)
        print_json(c);
    else
        print_text(c);
    for (int i = 0; i < c->nerrors; i++)
        fprintf(stderr, "%s\n", c->errors[i]);
    content_free(c);
    return 0;
}
