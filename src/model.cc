#include "plenary/model.h"

#include <array>
#include <utility>

#include "plenary/result.h"

namespace plenary {
namespace {

template <typename Enum, std::size_t N>
using NameTable = std::array<std::pair<Enum, std::string_view>, N>;

constexpr NameTable<Role, 4> kRoles{{{Role::kMember, "member"},
                                     {Role::kStaff, "staff"},
                                     {Role::kLiaison, "liaison"},
                                     {Role::kObserver, "observer"}}};
constexpr NameTable<Capacity, 2> kCapacities{
    {{Capacity::kRepresentative, "representative"}, {Capacity::kIndividual, "individual"}}};
constexpr NameTable<OwnerKind, 3> kOwnerKinds{{{OwnerKind::kPerson, "person"},
                                               {OwnerKind::kOrganisation, "organisation"},
                                               {OwnerKind::kUnresolved, "unresolved"}}};
constexpr NameTable<ActionStatus, 3> kStatuses{{{ActionStatus::kOpen, "open"},
                                                {ActionStatus::kComplete, "complete"},
                                                {ActionStatus::kCancelled, "cancelled"}}};
constexpr NameTable<ActionSource, 3> kSources{{{ActionSource::kTable, "table"},
                                               {ActionSource::kNotes, "notes"},
                                               {ActionSource::kReview, "review"}}};

constexpr NameTable<TaskStatus, 5> kTaskStatuses{{{TaskStatus::kPlanned, "planned"},
                                                  {TaskStatus::kInProgress, "in progress"},
                                                  {TaskStatus::kDone, "done"},
                                                  {TaskStatus::kOnHold, "on hold"},
                                                  {TaskStatus::kDropped, "dropped"}}};

template <typename Enum, std::size_t N>
std::string_view NameOf(const NameTable<Enum, N>& table, Enum value) {
  for (const auto& [e, name] : table)
    if (e == value) return name;
  return "?";
}

template <typename Enum, std::size_t N>
std::optional<Enum> Parse(const NameTable<Enum, N>& table, std::string_view text) {
  for (const auto& [e, name] : table)
    if (name == text) return e;
  return std::nullopt;
}

}  // namespace

const char* ErrorKindName(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kInvalidInput:
      return "invalid input";
    case ErrorKind::kNotFound:
      return "not found";
    case ErrorKind::kConflict:
      return "conflict";
    case ErrorKind::kPermissionDenied:
      return "permission denied";
    case ErrorKind::kStorage:
      return "storage";
    case ErrorKind::kIO:
      return "I/O";
    case ErrorKind::kInternal:
      return "internal";
  }
  return "?";
}

std::string_view RoleName(Role role) { return NameOf(kRoles, role); }
std::optional<Role> ParseRole(std::string_view t) { return Parse(kRoles, t); }
std::string_view CapacityName(Capacity c) { return NameOf(kCapacities, c); }
std::optional<Capacity> ParseCapacity(std::string_view t) { return Parse(kCapacities, t); }
std::string_view OwnerKindName(OwnerKind kind) { return NameOf(kOwnerKinds, kind); }
std::optional<OwnerKind> ParseOwnerKind(std::string_view t) { return Parse(kOwnerKinds, t); }
std::string_view ActionStatusName(ActionStatus s) { return NameOf(kStatuses, s); }
std::optional<ActionStatus> ParseActionStatus(std::string_view t) { return Parse(kStatuses, t); }
std::string_view ActionSourceName(ActionSource s) { return NameOf(kSources, s); }
std::optional<ActionSource> ParseActionSource(std::string_view t) { return Parse(kSources, t); }
std::string_view TaskStatusName(TaskStatus s) { return NameOf(kTaskStatuses, s); }
std::optional<TaskStatus> ParseTaskStatus(std::string_view t) { return Parse(kTaskStatuses, t); }

}  // namespace plenary
