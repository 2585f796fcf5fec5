// What crosses the pipe between the server and an isolated parse
// (app/isolated_import.h): the inputs of PlanImport, and its answer, both
// ways, as CBOR (nlohmann). Every field of the model is carried, so that a
// plan decoded in the server equals, field by field, the plan the child made.
//
// CBOR rather than JSON text because the inputs are bytes as uploaded: a
// notes file or a file name that is not UTF-8 must reach the reader as it is,
// to be refused there with a located message.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "app/importing.h"
#include "plenary/model.h"
#include "plenary/result.h"

namespace plenary {

// Everything PlanImport takes, with the limits the child applies to itself.
struct ParseJob {
  ImportRequest request;
  std::vector<Roster> known_rosters;
  int cpu_seconds = 0;                    // 0: no CPU limit
  std::uint64_t address_space_bytes = 0;  // 0: no address-space limit
};

std::string EncodeParseJob(const ParseJob& job);
// InvalidInput when `bytes` is not a job EncodeParseJob wrote.
Result<ParseJob> DecodeParseJob(std::string_view bytes);

// PlanImport's answer: the plan, or the error (its kind and message).
std::string EncodePlanResult(const Result<ImportPlan>& result);
// The answer as it was encoded; an Internal error when `bytes` is not an
// answer EncodePlanResult wrote (a child that died while writing it).
Result<ImportPlan> DecodePlanResult(std::string_view bytes);

}  // namespace plenary
