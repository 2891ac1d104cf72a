/* hostile: *
 * expect: does not compile
 *
 * The reference solution (reference.c), plus a syntax error.
 */
#include "reference.c"

int this_is_not_c(void)
{
    return 1 +;
}
