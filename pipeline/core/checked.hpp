#pragma once
// Sums of amounts and counts that cannot wrap. Every value is bounded at
// ingest (ingest::kMaxAmount), so no realistic total comes near the limit of
// std::int64_t; these guard the arithmetic anyway, because a wrapped total
// in a committee decision would be silently wrong. Validation adds the
// totals with add_checked() and reports an overflow at the record that
// caused it; later stages, which only see validated data, use add_or_throw(),
// so that an impossible overflow stops the run (exit 3) instead of printing
// a wrong number.
#include <stdexcept>
#include <string>
#include <type_traits>

namespace core {

// total += value when the sum is representable; otherwise false and `total`
// unchanged. GCC and Clang builtin (checked two's complement arithmetic).
template <class T>
[[nodiscard]] bool add_checked(T& total, T value) {
    static_assert(std::is_integral_v<T>, "add_checked sums integers");
    T sum{};
    if (__builtin_add_overflow(total, value, &sum)) return false;
    total = sum;
    return true;
}

// total += value, or std::overflow_error naming `what`.
template <class T, class U>
void add_or_throw(T& total, U value, const char* what) {
    static_assert(std::is_integral_v<T> && std::is_integral_v<U>, "add_or_throw sums integers");
    T sum{};
    if (__builtin_add_overflow(total, value, &sum))
        throw std::overflow_error(std::string("the total of ") + what + " does not fit in 64 bits");
    total = sum;
}

}  // namespace core
