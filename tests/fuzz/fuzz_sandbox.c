/*
** fuzz_sandbox.c - libFuzzer target: random chunks through the sandbox.
**
** Every input runs in a real worker process with small limits; the
** property is that each ends in a valid verdict (never SYSTEM, which would
** mean the host failed) and that the host neither crashes nor hangs
** (libFuzzer's -timeout catches a hang, ASan a host memory error). The
** worker's own coverage is not fed back (it lives in the child), so the
** dictionary and the seed corpus (tests/sandbox) carry the structure.
** A worker that crashed is not a host failure but may be a sandbox bug:
** its input is kept in $FUZZ_SANDBOX_CRASHED (a directory) for a look.
*/
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sandbox.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static Sandbox *fuzz_sb;

/* Keep an input whose worker crashed, named by its FNV-1a hash. */
static void save_crashed(const uint8_t *data, size_t size)
{
    const char *dir = getenv("FUZZ_SANDBOX_CRASHED");
    uint64_t h = 14695981039346656037u;
    char path[4096];
    FILE *f;
    if (dir == NULL || *dir == '\0')
        return;
    for (size_t i = 0; i < size; i++)
        h = (h ^ data[i]) * 1099511628211u;
    snprintf(path, sizeof path, "%s/crashed-%016llx.lua", dir,
             (unsigned long long)h);
    if ((f = fopen(path, "wb")) != NULL) {
        fwrite(data, 1, size, f);
        fclose(f);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    SandboxResult r;
    SandboxValue arg;
    if (fuzz_sb == NULL) {
        SandboxConfig c = {0};
        c.time_ms = 100;
        c.memory_bytes = 16 << 20;
        c.output_bytes = 16 << 10;
        c.prestart = 1;
        signal(SIGPIPE, SIG_IGN);
        fuzz_sb = sandbox_new(&c);
        if (fuzz_sb == NULL)
            abort();
    }
    memset(&arg, 0, sizeof arg);
    arg.type = SANDBOX_STRING;
    arg.s = (const char *)data;
    arg.len = size < 64 ? size : 64;
    sandbox_run(fuzz_sb, (const char *)data, size, "=fuzz", &arg, 1, &r);
    if (r.kind > SANDBOX_CANCELLED || r.kind == SANDBOX_CANCELLED ||
        r.message == NULL || r.out == NULL || r.err == NULL) {
        fprintf(stderr, "bad verdict %d: %s\n", (int)r.kind,
                r.message ? r.message : "(null)");
        abort();
    }
    if (r.kind == SANDBOX_CRASHED) { /* worth a look, not a host failure */
        fprintf(stderr, "worker crashed: %s\n", r.message);
        save_crashed(data, size);
    }
    sandbox_result_free(&r);
    return 0;
}
