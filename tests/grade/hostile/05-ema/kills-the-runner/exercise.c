/* hostile: *
 * expect: before it could report
 *
 * The reference solution (reference.c), plus a constructor that ends
 * every process of the test binary before main(): the runner itself never
 * reports.  The grade must still be a valid results.json, every test
 * failed, with a message that says the runner stopped.
 */
#include "reference.c"

__attribute__((constructor)) static void leave_early(void)
{
    exit(0);
}
