/*
** markdown.h - the lesson Markdown subset: parse once, render to lines.
**
** A document is parsed into blocks (headings, paragraphs, fenced code,
** lists, block quotes, tables). Rendering lays the blocks out for a width
** and yields lines of text with one style byte per text byte, so the TUI
** colours them and `pyprep show` prints them plain from the same layout.
** Widths are display columns (UTF-8 aware); no line exceeds the width.
*/
#ifndef PYPREP_MARKDOWN_H
#define PYPREP_MARKDOWN_H

#include <stddef.h>

typedef enum {
    MD_TEXT,
    MD_EMPH,
    MD_STRONG,
    MD_CODE,      /* inline code span */
    MD_H1,
    MD_H2,
    MD_H3,
    MD_QUOTE,     /* block quote text */
    MD_MARK,      /* bullets, quote bars, table rules, labels */
    MD_CODEBLOCK, /* plain code in a fenced block */
    MD_KEYWORD,
    MD_BUILTIN,
    MD_STRING,
    MD_NUMBER,
    MD_COMMENT,
    MD_DECORATOR,
    MD_OUTPUT, /* a block of program output */
    MD_NSTYLES
} MdStyle;

/* One rendered line; text is not NUL-terminated in general. */
typedef struct {
    char *text;
    unsigned char *style; /* MdStyle per byte of text */
    int len;              /* bytes */
    int width;            /* display columns */
} MdLine;

typedef struct {
    int level;   /* 1..3 */
    char *title; /* plain text */
    int line;    /* index of its first rendered line */
} MdHeading;

/* The layout of a document at one width; owned by the caller. */
typedef struct {
    MdLine *lines;
    int nlines;
    MdHeading *headings;
    int nheadings;
} MdView;

typedef struct MdDoc MdDoc;

/*
** Parse src (len bytes). Never fails on content: problems are reported by
** md_check. Returns a document the caller frees with md_free.
*/
MdDoc *md_parse(const char *src, size_t len);
void md_free(MdDoc *doc);

/*
** Check src for structural errors. Returns 0 when fine; otherwise writes
** "message" to err and the 1-based line within src to *line, returns -1.
*/
int md_check(const char *src, size_t len, int *line, char *err,
             size_t errlen);

/* Render flags. */
#define MD_ASCII 0x1 /* ASCII bullets and rules, every char 1 column */

/* Lay doc out in width columns (>= 10). Caller frees with md_view_free. */
MdView *md_render(const MdDoc *doc, int width, int flags);
void md_view_free(MdView *v);

/*
** Syntax-highlight one line of code in language lang ("python", "bash",
** "sql"; anything else is plain). style receives len bytes. *state carries
** multi-line constructs (Python triple-quoted strings) between lines;
** start it at 0.
*/
void md_highlight(const char *lang, const char *line, int len,
                  unsigned char *style, int *state);

/* Display width of s (n bytes) in columns; flags as for md_render. */
int md_strwidth(const char *s, int n, int flags);

/* Byte length of the UTF-8 sequence starting at s (1 for invalid bytes). */
int md_utf8len(const char *s, int n);

#endif
