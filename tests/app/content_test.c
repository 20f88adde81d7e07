/*
** content_test.c - loading lessons: front matter, ordering, and every
** malformed-content error as file:line, with the rest still loaded.
*/
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "tap.h"

static const char *find_error(const Content *c, const char *needle)
{
    for (int i = 0; i < c->nerrors; i++)
        if (strstr(c->errors[i], needle))
            return c->errors[i];
    return NULL;
}

static void expect_error(const Content *c, const char *file_line,
                         const char *msg)
{
    const char *e = find_error(c, file_line);
    ok(e && strstr(e, msg), "content: %s -> %s", file_line, msg);
    if (!e || !strstr(e, msg))
        tap_diag("errors found: %d, match: %s", c->nerrors, e ? e : "none");
}

int main(void)
{
    const char *root = "tests/app/fixtures/bad";
    Content *c = content_load(root);
    Lesson *l;
    const char *near[3];

    is_int(c->nchapters, 1, "content: chapter without _index.md skipped");
    expect_error(c, "02-nochapter/_index.md:1", "cannot read chapter index");
    is_int(c->chapters[0].nlessons, 8, "content: every lesson file listed");
    l = content_lesson(c, "ch.good");
    ok(l && !l->error && l->level == LEVEL_BEGINNER,
       "content: good lesson loads");
    ok(l && l->ntopics == 1 && strcmp(l->topics[0], "core.pep8") == 0,
       "content: topics parsed");
    ok(l && l->body && strncmp(l->body, "# A good lesson", 15) == 0,
       "content: body starts after the front matter");
    ok(l && l->body_line == 7, "content: body line number");

    expect_error(c, "02-no-front.md:1", "missing front matter");
    expect_error(c, "03-bad-level.md:4", "level must be beginner");
    expect_error(c, "04-fence.md:9", "unterminated code fence");
    expect_error(c, "05-dup.md:2", "duplicate id 'ch.good'");
    expect_error(c, "06-unknown-key.md:5", "unknown front matter key 'colour'");
    expect_error(c, "07-unclosed.md:", "front matter not closed");
    expect_error(c, "08-wrong-chapter.md:2", "must start with the chapter id");
    is_int(c->nerrors, 8, "content: one error per broken file");

    l = content_lesson(c, "ch.fence");
    ok(l && l->error && !l->body, "content: broken lesson is unavailable");
    ok(content_suggest(c, "ch.god", near, 3) >= 1 &&
           strcmp(near[0], "ch.good") == 0,
       "content: suggestions find a near id");
    ok(content_suggest(c, "zzzzzzzzzzzz", near, 3) == 0,
       "content: no suggestion for nonsense");
    content_free(c);

    c = content_load(".");
    ok(c->nchapters >= 1 && c->chapters[0].nlessons >= 3,
       "content: the built-in lessons load");
    for (int i = 0; i < c->nerrors; i++)
        tap_diag("built-in content error: %s", c->errors[i]);
    is_int(c->nerrors, 0, "content: built-in lessons have no errors");
    for (int i = 1; i < c->nchapters; i++)
        ok(c->chapters[i - 1].order <= c->chapters[i].order,
           "content: chapters in order (%s before %s)",
           c->chapters[i - 1].id, c->chapters[i].id);
    content_free(c);
    return tap_done();
}
