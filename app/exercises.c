/*
** exercises.c - walk exercises/, load each file through the sandbox.
**
** One sandbox (a fresh worker per file) loads everything; the grading
** core parses and type-checks each file. Here: file discovery in a stable
** (sorted) order, and the checks that need more than one file.
*/
#include "exercises.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util.h"

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorted names in dir: subdirectories or *.lua files. */
static char **list(const char *dir, int want_dirs, int *n)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char **v = NULL;
    *n = 0;
    if (!d)
        return NULL;
    while ((e = readdir(d))) {
        struct stat st;
        char *p;
        size_t len = strlen(e->d_name);
        if (e->d_name[0] == '.')
            continue;
        p = xasprintf("%s/%s", dir, e->d_name);
        if (stat(p, &st) == 0 &&
            (want_dirs ? S_ISDIR(st.st_mode)
                       : S_ISREG(st.st_mode) && len > 4 &&
                             strcmp(e->d_name + len - 4, ".lua") == 0)) {
            v = xrealloc(v, sizeof *v * (size_t)(*n + 1));
            v[(*n)++] = xstrdup(e->d_name);
        }
        free(p);
    }
    closedir(d);
    if (*n)
        qsort(v, (size_t)*n, sizeof *v, cmp_str);
    return v;
}

static int topic_known(const Content *c, const char *topic)
{
    for (int i = 0; i < c->nchapters; i++)
        for (int k = 0; k < c->chapters[i].nlessons; k++) {
            const Lesson *l = &c->chapters[i].lessons[k];
            for (int t = 0; t < l->ntopics; t++)
                if (strcmp(l->topics[t], topic) == 0)
                    return 1;
        }
    return 0;
}

/* "exercises/01-core/is-vs-eq.lua" -> "core.is-vs-eq" */
static char *topic_of_path(const char *chapter, const char *file)
{
    const char *ch = chapter;
    size_t n = strlen(file) - 4;
    while (*ch >= '0' && *ch <= '9')
        ch++;
    if (ch != chapter && *ch == '-')
        ch++;
    else
        ch = chapter;
    return xasprintf("%s.%.*s", ch, (int)n, file);
}

static void load_file(ExerciseSet *s, Sandbox *sb, const char *chapter,
                      const char *name, const char *path, const Content *c)
{
    size_t len;
    char *src = util_read_file(path, &len);
    int first = s->n, probs;
    char *want;

    s->files = xrealloc(s->files, sizeof *s->files * (size_t)(s->nfiles + 1));
    s->sources =
        xrealloc(s->sources, sizeof *s->sources * (size_t)(s->nfiles + 1));
    s->file_errors = xrealloc(s->file_errors,
                              sizeof *s->file_errors * (size_t)(s->nfiles + 1));
    s->files[s->nfiles] = xstrdup(path);
    s->sources[s->nfiles] = src;
    s->file_errors[s->nfiles] = 0;
    s->nfiles++;
    if (!src) {
        grade_list_addf(&s->errors, "%s:1: cannot read the file", path);
        s->file_errors[s->nfiles - 1]++;
        return;
    }
    probs = grade_load_file(sb, path, src, len, &s->v, &s->n, &s->errors);
    want = topic_of_path(chapter, name);
    for (int i = first; i < s->n; i++) {
        GradeExercise *ex = s->v[i];
        if (ex->topic && strcmp(ex->topic, want) != 0) {
            grade_list_addf(&s->errors,
                            "%s:%d: %s: topic '%s' in a file for topic '%s' "
                            "(exercises/<chapter>/<topic>.lua)",
                            path, ex->line, ex->id, ex->topic, want);
            probs++;
        }
        if (c && ex->topic && !topic_known(c, ex->topic)) {
            grade_list_addf(&s->errors,
                            "%s:%d: %s: no lesson lists topic '%s'", path,
                            ex->line, ex->id, ex->topic);
            probs++;
        }
        for (int k = 0; k < i; k++)
            if (strcmp(s->v[k]->id, ex->id) == 0) {
                grade_list_addf(&s->errors,
                                "%s:%d: duplicate id '%s' (first used in "
                                "%s:%d)",
                                path, ex->line, ex->id, s->v[k]->file,
                                s->v[k]->line);
                probs++;
                break;
            }
    }
    free(want);
    s->file_errors[s->nfiles - 1] += probs;
}

static void link_problem(ExerciseSet *s, const GradeExercise *ex,
                         const char *msg)
{
    grade_list_addf(&s->errors, "%s:%d: %s: %s", ex->file,
                    ex->followup_line ? ex->followup_line : ex->line, ex->id,
                    msg);
    for (int f = 0; f < s->nfiles; f++)
        if (strcmp(s->files[f], ex->file) == 0) {
            s->file_errors[f]++;
            break;
        }
}

/* Follow-up links need the whole set: the id exists, each follow-up has
** one parent and none has a follow-up of its own (an interview asks one
** question deeper, never a chain). A broken link is reported and dropped,
** so no session ever meets it. */
static void check_followups(ExerciseSet *s)
{
    for (int i = 0; i < s->n; i++) {
        GradeExercise *ex = s->v[i], *f;
        char msg[512];
        if (!ex->followup)
            continue;
        f = exercises_find(s, ex->followup);
        if (!f) {
            const char *sug[1];
            int ns = exercises_suggest(s, ex->followup, sug, 1);
            snprintf(msg, sizeof msg,
                     "followup '%s' is not an exercise id%s%s%s",
                     ex->followup, ns ? " (did you mean '" : "",
                     ns ? sug[0] : "", ns ? "'?)" : "");
        } else if (f->followup) {
            snprintf(msg, sizeof msg,
                     "followup '%s' has a follow-up of its own ('%s'); "
                     "follow-ups go one question deep",
                     ex->followup, f->followup);
        } else {
            const GradeExercise *other = NULL;
            for (int k = 0; k < i && !other; k++)
                if (s->v[k]->followup &&
                    strcmp(s->v[k]->followup, ex->followup) == 0)
                    other = s->v[k];
            if (!other)
                continue;
            snprintf(msg, sizeof msg,
                     "'%s' is already the follow-up of %s (%s:%d)",
                     ex->followup, other->id, other->file, other->line);
        }
        link_problem(s, ex, msg);
        free(ex->followup);
        ex->followup = NULL;
    }
}

ExerciseSet *exercises_load(char **dirs, int ndirs, const Content *c)
{
    ExerciseSet *s = xcalloc(1, sizeof *s);
    SandboxConfig cfg = {0};
    Sandbox *sb;

    /* everything that grades exercises loads them first: the numpy kind
    ** is graded through the Python engine from here on */
    grade_numpy_enable();
    cfg.time_ms = 2000;
    cfg.memory_bytes = (size_t)64 << 20;
    cfg.output_bytes = (size_t)8 << 20;
    sb = sandbox_new(&cfg);
    for (int d = 0; d < ndirs; d++) {
        char *top = xasprintf("%s/exercises", dirs[d]);
        int nch;
        char **chs = list(top, 1, &nch);
        for (int i = 0; i < nch; i++) {
            char *chdir_ = xasprintf("%s/%s", top, chs[i]);
            int nf;
            char **fs = list(chdir_, 0, &nf);
            for (int k = 0; k < nf; k++) {
                char *path = xasprintf("%s/%s", chdir_, fs[k]);
                load_file(s, sb, chs[i], fs[k], path, c);
                free(path);
                free(fs[k]);
            }
            free(fs);
            free(chdir_);
            free(chs[i]);
        }
        free(chs);
        free(top);
    }
    sandbox_free(sb);
    check_followups(s);
    return s;
}

void exercises_free(ExerciseSet *s)
{
    if (!s)
        return;
    for (int i = 0; i < s->n; i++)
        grade_exercise_free(s->v[i]);
    free(s->v);
    for (int i = 0; i < s->nfiles; i++) {
        free(s->sources[i]);
        free(s->files[i]);
    }
    free(s->sources);
    free(s->files);
    free(s->file_errors);
    grade_list_free(&s->errors);
    free(s);
}

GradeExercise *exercises_find(const ExerciseSet *s, const char *id)
{
    for (int i = 0; i < s->n; i++)
        if (strcmp(s->v[i]->id, id) == 0)
            return s->v[i];
    return NULL;
}

GradeExercise *exercises_followup(const ExerciseSet *s,
                                  const GradeExercise *ex)
{
    return ex->followup ? exercises_find(s, ex->followup) : NULL;
}

GradeExercise *exercises_parent(const ExerciseSet *s,
                                const GradeExercise *ex)
{
    for (int i = 0; i < s->n; i++)
        if (s->v[i]->followup && strcmp(s->v[i]->followup, ex->id) == 0)
            return s->v[i];
    return NULL;
}

int exercises_for_lesson(const ExerciseSet *s, const Lesson *l,
                         GradeExercise ***out)
{
    int n = 0;
    *out = xcalloc((size_t)(s->n ? s->n : 1), sizeof **out);
    for (int i = 0; i < s->n; i++)
        for (int t = 0; t < l->ntopics; t++)
            if (s->v[i]->topic && strcmp(s->v[i]->topic, l->topics[t]) == 0) {
                (*out)[n++] = s->v[i];
                break;
            }
    return n;
}

static int edit_distance(const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b);
    int *row, res;
    if (na > 200 || nb > 200)
        return 1000;
    row = xcalloc(nb + 1, sizeof *row);
    for (size_t j = 0; j <= nb; j++)
        row[j] = (int)j;
    for (size_t i = 1; i <= na; i++) {
        int prev = row[0];
        row[0] = (int)i;
        for (size_t j = 1; j <= nb; j++) {
            int cur = row[j];
            int v = prev + (a[i - 1] != b[j - 1]);
            if (row[j] + 1 < v)
                v = row[j] + 1;
            if (row[j - 1] + 1 < v)
                v = row[j - 1] + 1;
            row[j] = v;
            prev = cur;
        }
    }
    res = row[nb];
    free(row);
    return res;
}

int exercises_suggest(const ExerciseSet *s, const char *id, const char **out,
                      int max)
{
    int n = 0;
    /* closest first: edit distance 0..3, then substring matches */
    for (int pass = 0; pass < 5 && n < max; pass++)
        for (int i = 0; i < s->n && n < max; i++) {
            const char *e = s->v[i]->id;
            int hit = pass < 4 ? edit_distance(e, id) == pass
                               : strstr(e, id) != NULL;
            for (int k = 0; k < n; k++)
                hit &= strcmp(out[k], e) != 0;
            if (hit)
                out[n++] = e;
        }
    return n;
}
