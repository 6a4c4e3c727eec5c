// SPDX-License-Identifier: GPL-3.0-or-later
// GCC's -fsanitize-coverage=trace-cmp also reports comparisons of floats and
// doubles, through two callbacks that libFuzzer does not define (clang's
// instrumentation never calls them). The fuzz build links these no-ops into
// the engine; libFuzzer learns nothing from such comparisons either way.

extern "C"
{

  void __sanitizer_cov_trace_cmpf(float, float) {}

  void __sanitizer_cov_trace_cmpd(double, double) {}

} // extern "C"
