// libFuzzer target for one minutes format, built once per format as
// FORMAT_fuzzer with PLENARY_FUZZ_FORMAT="FORMAT" (CMakeLists.txt makes one
// for every folder of fuzz/corpus/ that names a format). Whatever the bytes,
// the reader returns a value or an error located as "fuzz:LINE:COL: ...", and
// never crashes, hangs, overflows or throws. One read an input, nothing but
// the reader's work (fuzz/minutes_fuzz_body.h: ReadOnce); detection has its
// own target (detect_fuzzer).
//
//   scripts/fuzz.sh [SECONDS]          every target, with its corpus and dictionary
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "fuzz_target.h"
#include "line_mutator.h"
#include "minutes_fuzz_body.h"

#ifndef PLENARY_FUZZ_FORMAT
#error "PLENARY_FUZZ_FORMAT names the format this target fuzzes"
#endif

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  plenary::fuzz::CpuDeadline deadline;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto error = plenary::fuzz::ReadOnce(PLENARY_FUZZ_FORMAT, bytes);
  if (error && !plenary::fuzz::IsLocatedMessage(*error)) std::abort();
  return 0;
}
