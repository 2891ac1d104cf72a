/* status.c — the phrases behind the status codes. */
#include "status.h"

static const char *const phrases[OPT_NSTATUS] = {
    [OPT_OK] = "success",
    [OPT_EINVAL] = "invalid argument",
    [OPT_ENOMEM] = "out of memory",
    [OPT_EDIVERGED] = "diverged (non-finite loss, gradient or iterate)",
    [OPT_EMAXITER] = "step budget exhausted",
    [OPT_ENOTIMPL] = "not implemented",
    [OPT_ENOPROG] = "no progress possible",
    [OPT_EIO] = "input/output error",
    [OPT_ECONFIG] = "configuration error",
    [OPT_EBUDGET] = "Lua instruction or memory budget exceeded",
};

const char *opt_strerror(int status)
{
    if (status < 0 || status >= OPT_NSTATUS)
        return "unknown status";
    return phrases[status];
}
