/*
** content.c - find the content root, load chapters and lessons.
**
** A chapter is a directory lessons/NN-name/ with an _index.md; a lesson is
** lessons/NN-name/NN-slug.md. Both start with a front-matter block of
** "key: value" lines between "---" lines. Files load in name order, so
** the NN prefixes order them. Every problem is recorded, never fatal.
*/
#include "content.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "markdown.h"
#include "util.h"

static const char *saved_argv0;
static const char *saved_dir;

void content_set_argv0(const char *argv0)
{
    saved_argv0 = argv0;
}

void content_set_dir(const char *dir)
{
    saved_dir = dir;
}

static int is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int has_lessons(const char *root)
{
    char *p = xasprintf("%s/lessons", root);
    int ok = is_dir(p);
    free(p);
    return ok;
}

char *content_find_root(char *err, size_t errlen)
{
    const char *env = getenv("PYPREP_CONTENT");
    char exe[PATH_MAX];
    ssize_t n;
    Buf tried = {0};
    char *cand;

    if (saved_dir || (env && *env)) {
        const char *d = saved_dir ? saved_dir : env;
        if (has_lessons(d))
            return xstrdup(d);
        snprintf(err, errlen, "no lessons/ directory in %s (from %s)", d,
                 saved_dir ? "--content" : "PYPREP_CONTENT");
        return NULL;
    }
    n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0 && saved_argv0 && realpath(saved_argv0, exe))
        n = (ssize_t)strlen(exe);
    if (n > 0) {
        char *slash;
        exe[n] = '\0';
        slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            if (has_lessons(exe))
                return xstrdup(exe);
            buf_printf(&tried, "%s, ", exe);
            cand = xasprintf("%s/..", exe);
            if (has_lessons(cand)) {
                char real[PATH_MAX];
                char *r = realpath(cand, real) ? xstrdup(real) : cand;
                if (r != cand)
                    free(cand);
                buf_free(&tried);
                return r;
            }
            free(cand);
        }
    }
    /* installed: <prefix>/bin/pyprep finds <prefix>/share/pyprep, so a
       staged (DESTDIR) or moved install works as well as the configured
       PREFIX */
    if (n > 0) {
        cand = xasprintf("%s/../share/pyprep", exe);
        if (has_lessons(cand)) {
            char real[PATH_MAX];
            char *r = realpath(cand, real) ? xstrdup(real) : xstrdup(cand);
            free(cand);
            buf_free(&tried);
            return r;
        }
        free(cand);
    }
    cand = xasprintf("%s/share/pyprep", PYPREP_PREFIX);
    if (has_lessons(cand)) {
        buf_free(&tried);
        return cand;
    }
    snprintf(err, errlen,
             "no content found (looked beside the binary: %s%s); "
             "use --content DIR or PYPREP_CONTENT",
             tried.data ? tried.data : "", cand);
    free(cand);
    buf_free(&tried);
    return NULL;
}

/* ------------------------------------------------------------------ */

static void add_error(Content *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void add_error(Content *c, const char *fmt, ...)
{
    va_list ap;
    char msg[1024];
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    c->errors = xrealloc(c->errors, (size_t)(c->nerrors + 1) * sizeof(char *));
    c->errors[c->nerrors++] = xstrdup(msg);
}

const char *level_name(Level l)
{
    switch (l) {
    case LEVEL_BEGINNER:
        return "beginner";
    case LEVEL_INTERMEDIATE:
        return "intermediate";
    default:
        return "advanced";
    }
}

static int parse_level(const char *s, Level *l)
{
    if (strcmp(s, "beginner") == 0)
        *l = LEVEL_BEGINNER;
    else if (strcmp(s, "intermediate") == 0)
        *l = LEVEL_INTERMEDIATE;
    else if (strcmp(s, "advanced") == 0)
        *l = LEVEL_ADVANCED;
    else
        return -1;
    return 0;
}

typedef struct {
    char *key[8];
    char *val[8];
    int line[8];
    int n;
    int body_line;
    const char *body;
} Front;

static void front_free(Front *f)
{
    for (int i = 0; i < f->n; i++) {
        free(f->key[i]);
        free(f->val[i]);
    }
    f->n = 0;
}

static char *trim(const char *s, size_t n)
{
    while (n > 0 && (*s == ' ' || *s == '\t'))
        s++, n--;
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        n--;
    return xstrndup(s, n);
}

/*
** Split the front matter off text. Returns 0, or -1 with a message and
** the line it concerns.
*/
static int parse_front_raw(const char *text, Front *f, int *eline,
                           char *err, size_t errlen)
{
    const char *p = text;
    int line = 1;

    memset(f, 0, sizeof *f);
    if (strncmp(p, "---", 3) != 0 || (p[3] != '\n' && p[3] != '\r')) {
        *eline = 1;
        snprintf(err, errlen, "missing front matter (a '---' line first)");
        return -1;
    }
    p = strchr(p, '\n') + 1;
    line = 2;
    for (;;) {
        const char *nl = strchr(p, '\n'), *colon;
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        if (*p == '\0') {
            *eline = line;
            snprintf(err, errlen,
                     "front matter not closed (no '---' line after it)");
            return -1;
        }
        if (n >= 3 && strncmp(p, "---", 3) == 0) {
            f->body = nl ? nl + 1 : p + n;
            f->body_line = line + 1;
            return 0;
        }
        colon = memchr(p, ':', n);
        if (n > 0 && p[0] != '#' && strspn(p, " \t\r") < n) {
            if (!colon) {
                *eline = line;
                snprintf(err, errlen, "expected 'key: value' in front matter");
                return -1;
            }
            if (f->n == 8) {
                *eline = line;
                snprintf(err, errlen, "too many front matter keys");
                return -1;
            }
            f->key[f->n] = trim(p, (size_t)(colon - p));
            f->val[f->n] = trim(colon + 1, n - (size_t)(colon - p) - 1);
            f->line[f->n] = line;
            f->n++;
        }
        if (!nl) {
            *eline = line;
            snprintf(err, errlen,
                     "front matter not closed (no '---' line after it)");
            return -1;
        }
        p = nl + 1;
        line++;
    }
}

/* As parse_front_raw, but owns nothing on failure. */
static int parse_front(const char *text, Front *f, int *eline, char *err,
                       size_t errlen)
{
    int rc = parse_front_raw(text, f, eline, err, errlen);
    if (rc < 0)
        front_free(f);
    return rc;
}

static const char *front_get(const Front *f, const char *key, int *line)
{
    for (int i = 0; i < f->n; i++)
        if (strcmp(f->key[i], key) == 0) {
            if (line)
                *line = f->line[i];
            return f->val[i];
        }
    return NULL;
}

/* Check that every key is one of the allowed list. */
static int front_check_keys(const Front *f, const char *const *allowed,
                            int *eline, char *err, size_t errlen)
{
    for (int i = 0; i < f->n; i++) {
        int ok = 0;
        for (const char *const *a = allowed; *a; a++)
            if (strcmp(f->key[i], *a) == 0)
                ok = 1;
        for (int j = 0; j < i; j++)
            if (strcmp(f->key[i], f->key[j]) == 0) {
                *eline = f->line[i];
                snprintf(err, errlen, "key '%s' given twice", f->key[i]);
                return -1;
            }
        if (!ok) {
            *eline = f->line[i];
            snprintf(err, errlen, "unknown front matter key '%s'", f->key[i]);
            return -1;
        }
    }
    return 0;
}

static int valid_id(const char *s)
{
    if (!*s)
        return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
              *s == '-' || *s == '.' || *s == '_'))
            return 0;
    return 1;
}

/* Parse "[a, b]" into a list of ids. */
static int parse_topics(const char *v, Lesson *l, char *err, size_t errlen)
{
    size_t n = strlen(v);
    const char *p;
    if (n < 2 || v[0] != '[' || v[n - 1] != ']') {
        snprintf(err, errlen, "topics must be a list like [core.pep8]");
        return -1;
    }
    p = v + 1;
    while (p < v + n - 1) {
        const char *e = p;
        char *t;
        while (e < v + n - 1 && *e != ',')
            e++;
        t = trim(p, (size_t)(e - p));
        if (!valid_id(t)) {
            snprintf(err, errlen, "bad topic id '%s'", t);
            free(t);
            return -1;
        }
        l->topics =
            xrealloc(l->topics, (size_t)(l->ntopics + 1) * sizeof(char *));
        l->topics[l->ntopics++] = t;
        p = e + 1;
    }
    if (l->ntopics == 0) {
        snprintf(err, errlen, "topics list is empty");
        return -1;
    }
    return 0;
}

static const char *const lesson_keys[] = {"id", "title", "level", "topics",
                                          NULL};
static const char *const chapter_keys[] = {"id", "title", "order", NULL};

/* Load one lesson file; problems go to l->error and the error list. */
static void load_lesson(Content *c, Chapter *ch, Lesson *l, const char *path)
{
    char err[512];
    int eline = 1, line;
    size_t len;
    char *text = util_read_file(path, &len);
    Front f;
    const char *v;

    memset(l, 0, sizeof *l);
    l->path = xstrdup(path);
    l->chapter = ch;
    if (!text) {
        snprintf(err, sizeof err, "cannot read: %s", strerror(errno));
        goto fail;
    }
    if (memchr(text, '\0', len)) {
        snprintf(err, sizeof err, "file contains a NUL byte");
        goto fail;
    }
    if (parse_front(text, &f, &eline, err, sizeof err) < 0)
        goto fail;
    if (front_check_keys(&f, lesson_keys, &eline, err, sizeof err) < 0)
        goto fail_front;
    for (const char *const *k = lesson_keys; *k; k++)
        if (!front_get(&f, *k, NULL)) {
            eline = 1;
            snprintf(err, sizeof err, "front matter has no '%s'", *k);
            goto fail_front;
        }
    v = front_get(&f, "id", &eline);
    if (!valid_id(v) || !strchr(v, '.')) {
        snprintf(err, sizeof err,
                 "bad id '%s' (want chapter.slug: a-z, 0-9, '-', '.')", v);
        goto fail_front;
    }
    l->id = xstrdup(v);
    l->title = xstrdup(front_get(&f, "title", &line));
    if (!*l->title) {
        eline = line;
        snprintf(err, sizeof err, "title is empty");
        goto fail_front;
    }
    if (parse_level(front_get(&f, "level", &eline), &l->level) < 0) {
        snprintf(err, sizeof err,
                 "level must be beginner, intermediate or advanced, "
                 "not '%s'",
                 front_get(&f, "level", NULL));
        goto fail_front;
    }
    if (parse_topics(front_get(&f, "topics", &eline), l, err, sizeof err) < 0)
        goto fail_front;
    l->body_line = f.body_line;
    if (md_check(f.body, strlen(f.body), &line, err, sizeof err) < 0) {
        eline = f.body_line + line - 1;
        goto fail_front;
    }
    l->body = xstrdup(f.body);
    front_free(&f);
    free(text);
    return;

fail_front:
    front_free(&f);
fail:
    free(text);
    l->error = xasprintf("%s:%d: %s", path, eline, err);
    add_error(c, "%s", l->error);
    if (!l->id) {
        /* still list it, under its file name */
        const char *base = strrchr(path, '/');
        l->id = xstrdup(base ? base + 1 : path);
    }
    if (!l->title)
        l->title = xstrdup("(unavailable)");
}

static int load_chapter_index(Content *c, Chapter *ch, const char *dir)
{
    char *path = xasprintf("%s/_index.md", dir);
    char err[512];
    int eline = 1;
    size_t len;
    char *text = util_read_file(path, &len);
    Front f;
    const char *v;

    if (!text) {
        add_error(c, "%s:1: cannot read chapter index: %s", path,
                  strerror(errno));
        free(path);
        return -1;
    }
    if (parse_front(text, &f, &eline, err, sizeof err) < 0)
        goto fail;
    if (front_check_keys(&f, chapter_keys, &eline, err, sizeof err) < 0)
        goto fail_front;
    if (!(v = front_get(&f, "id", &eline)) || !valid_id(v) || strchr(v, '.')) {
        snprintf(err, sizeof err, "chapter index needs an 'id' (a-z, 0-9, -)");
        goto fail_front;
    }
    ch->id = xstrdup(v);
    if (!(v = front_get(&f, "title", &eline)) || !*v) {
        snprintf(err, sizeof err, "chapter index needs a 'title'");
        goto fail_front;
    }
    ch->title = xstrdup(v);
    v = front_get(&f, "order", &eline);
    ch->order = v ? atoi(v) : 999;
    ch->intro = xstrdup(f.body);
    front_free(&f);
    free(text);
    free(path);
    return 0;

fail_front:
    front_free(&f);
fail:
    add_error(c, "%s:%d: %s", path, eline, err);
    free(text);
    free(path);
    return -1;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorted names in dir matching a predicate. */
static char **list_dir(const char *dir, int want_dirs, int *count)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char **names = NULL;
    int n = 0;

    *count = 0;
    if (!d)
        return NULL;
    while ((e = readdir(d)) != NULL) {
        char *full;
        int isd;
        size_t len = strlen(e->d_name);
        if (e->d_name[0] == '.' || e->d_name[0] == '_')
            continue;
        full = xasprintf("%s/%s", dir, e->d_name);
        isd = is_dir(full);
        free(full);
        if (want_dirs ? !isd
                      : (isd || len < 4 ||
                         strcmp(e->d_name + len - 3, ".md") != 0 ||
                         strcmp(e->d_name, "README.md") == 0))
            continue;
        names = xrealloc(names, (size_t)(n + 1) * sizeof(char *));
        names[n++] = xstrdup(e->d_name);
    }
    closedir(d);
    if (n > 1)
        qsort(names, (size_t)n, sizeof(char *), cmp_str);
    *count = n;
    return names;
}

static int cmp_chapter(const void *a, const void *b)
{
    const Chapter *x = a, *y = b;
    if (x->order != y->order)
        return x->order < y->order ? -1 : 1;
    return strcmp(x->dir, y->dir);
}

Content *content_load(const char *root)
{
    Content *c = xcalloc(1, sizeof *c);
    char *lessons = xasprintf("%s/lessons", root);
    int ndirs;
    char **dirs = list_dir(lessons, 1, &ndirs);

    c->root = xstrdup(root);
    for (int i = 0; i < ndirs; i++) {
        char *dir = xasprintf("%s/%s", lessons, dirs[i]);
        Chapter ch;
        int nfiles;
        char **files;

        memset(&ch, 0, sizeof ch);
        ch.dir = dir;
        if (load_chapter_index(c, &ch, dir) < 0) {
            free(ch.id);
            free(ch.title);
            free(dir);
            continue;
        }
        files = list_dir(dir, 0, &nfiles);
        ch.lessons = xcalloc((size_t)nfiles, sizeof(Lesson));
        for (int j = 0; j < nfiles; j++) {
            char *path = xasprintf("%s/%s", dir, files[j]);
            load_lesson(c, NULL, &ch.lessons[ch.nlessons++], path);
            free(path);
            free(files[j]);
        }
        free(files);
        c->chapters =
            xrealloc(c->chapters, (size_t)(c->nchapters + 1) * sizeof ch);
        c->chapters[c->nchapters++] = ch;
    }
    for (int i = 0; i < ndirs; i++)
        free(dirs[i]);
    free(dirs);
    free(lessons);
    if (c->nchapters > 1)
        qsort(c->chapters, (size_t)c->nchapters, sizeof(Chapter),
              cmp_chapter);

    /* back pointers, chapter prefixes and duplicate ids */
    for (int i = 0; i < c->nchapters; i++) {
        Chapter *ch = &c->chapters[i];
        for (int j = 0; j < ch->nlessons; j++) {
            Lesson *l = &ch->lessons[j];
            size_t k = strlen(ch->id);
            l->chapter = ch;
            if (l->error)
                continue;
            if (strncmp(l->id, ch->id, k) != 0 || l->id[k] != '.') {
                l->error = xasprintf("%s:2: id '%s' must start with the "
                                     "chapter id '%s.'",
                                     l->path, l->id, ch->id);
                add_error(c, "%s", l->error);
                continue;
            }
            for (int a = 0; a <= i; a++) {
                Chapter *ca = &c->chapters[a];
                for (int b = 0; b < (a == i ? j : ca->nlessons); b++) {
                    Lesson *o = &ca->lessons[b];
                    if (!o->error && strcmp(o->id, l->id) == 0 && !l->error) {
                        l->error = xasprintf("%s:2: duplicate id '%s' "
                                             "(first used in %s)",
                                             l->path, l->id, o->path);
                        add_error(c, "%s", l->error);
                    }
                }
            }
            if (l->error) {
                free(l->body);
                l->body = NULL;
            }
        }
    }
    return c;
}

void content_free(Content *c)
{
    if (!c)
        return;
    for (int i = 0; i < c->nchapters; i++) {
        Chapter *ch = &c->chapters[i];
        for (int j = 0; j < ch->nlessons; j++) {
            Lesson *l = &ch->lessons[j];
            free(l->id);
            free(l->title);
            for (int k = 0; k < l->ntopics; k++)
                free(l->topics[k]);
            free(l->topics);
            free(l->path);
            free(l->body);
            free(l->error);
        }
        free(ch->lessons);
        free(ch->id);
        free(ch->title);
        free(ch->intro);
        free(ch->dir);
    }
    for (int i = 0; i < c->nerrors; i++)
        free(c->errors[i]);
    free(c->errors);
    free(c->chapters);
    free(c->root);
    free(c);
}

Lesson *content_lesson(const Content *c, const char *id)
{
    for (int i = 0; i < c->nchapters; i++)
        for (int j = 0; j < c->chapters[i].nlessons; j++)
            if (strcmp(c->chapters[i].lessons[j].id, id) == 0)
                return &c->chapters[i].lessons[j];
    return NULL;
}

static int edit_distance(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    int *row, best;
    if (n > 64 || m > 64)
        return 99;
    row = xmalloc((m + 1) * sizeof(int));
    for (size_t j = 0; j <= m; j++)
        row[j] = (int)j;
    for (size_t i = 1; i <= n; i++) {
        int prev = row[0];
        row[0] = (int)i;
        for (size_t j = 1; j <= m; j++) {
            int cur = row[j];
            int sub = prev + (a[i - 1] != b[j - 1]);
            int del = row[j] + 1, ins = row[j - 1] + 1;
            row[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
            prev = cur;
        }
    }
    best = row[m];
    free(row);
    return best;
}

int content_suggest(const Content *c, const char *id, const char **out,
                    int max)
{
    int n = 0, score[16];
    if (max > 16)
        max = 16;
    for (int i = 0; i < c->nchapters; i++)
        for (int j = 0; j < c->chapters[i].nlessons; j++) {
            const char *cand = c->chapters[i].lessons[j].id;
            const char *dot = strchr(cand, '.');
            int d = edit_distance(id, cand);
            /* the slug alone, or a substring, is a strong hint */
            if (dot && edit_distance(id, dot + 1) < d)
                d = edit_distance(id, dot + 1);
            if (*id && strstr(cand, id))
                d = d < 1 ? d : 1;
            if (d > 3 && d * 3 > (int)strlen(id))
                continue;
            /* insert in order */
            int k = n < max ? n++ : max;
            if (k == max && d >= score[max - 1])
                continue;
            if (k == max)
                k = max - 1;
            while (k > 0 && score[k - 1] > d) {
                score[k] = score[k - 1];
                out[k] = out[k - 1];
                k--;
            }
            score[k] = d;
            out[k] = cand;
        }
    return n;
}

Content *content_open(void)
{
    char err[PATH_MAX + 256];
    char *root = content_find_root(err, sizeof err);
    Content *c;
    if (!root) {
        fprintf(stderr, "pyprep: %s\n", err);
        return NULL;
    }
    c = content_load(root);
    free(root);
    return c;
}
