// libFuzzer target for one minutes format, built once per format as
// FORMAT_fuzzer with PLENARY_FUZZ_FORMAT="FORMAT" (CMakeLists.txt makes one
// for every folder of fuzz/corpus/ that names a format). Whatever the bytes,
// detection and the reader return a value or an error located as
// "fuzz:LINE:COL: ...", and never crash, hang, overflow or throw.
//
//   scripts/fuzz.sh [SECONDS]          every target, with its corpus and dictionary
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "line_mutator.h"
#include "minutes_fuzz_body.h"

#ifndef PLENARY_FUZZ_FORMAT
#error "PLENARY_FUZZ_FORMAT names the format this target fuzzes"
#endif

extern "C" const char* __asan_default_options() { return "detect_stack_use_after_return=1"; }

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  for (const auto& outcome : plenary::fuzz::RunMinutesFuzzBody(PLENARY_FUZZ_FORMAT, bytes)) {
    if (outcome.error && !plenary::fuzz::IsLocatedMessage(*outcome.error)) std::abort();
  }
  return 0;
}
