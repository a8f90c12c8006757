// Every frame kind in one list: the Session keeps a pool and a queue per kind, the MetricStore
// the newest of each, the UI drains each. A new picture is its type with a
// Scenario value, an entry in FrameKinds below, its probes behind a Trainer::fillFrame overload,
// the poll/recycle instantiations in session.cpp and its layout in the PanelRegistry.
#pragma once
#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>

#include "core/api/telemetry/figure1_frame.hpp"
#include "core/api/telemetry/image_frame.hpp"
#include "core/api/telemetry/plane_frame.hpp"

namespace ganscope {

/// The frame kinds, one per Scenario value (a type list: never instantiated).
using FrameKinds = std::tuple<Figure1Frame, PlaneFrame, ImageFrame>;

namespace detail {
template <class Kinds>
struct VariantOf;
template <class... Frames>
struct VariantOf<std::tuple<Frames...>> {
  using type = std::variant<Frames...>;
};
}  // namespace detail

/// Any one frame, e.g. a capture.
using AnyFrame = detail::VariantOf<FrameKinds>::type;

/// Calls `fn(std::type_identity<Frame>{})` for each frame kind, in FrameKinds order.
template <class Fn>
void forEachFrameKind(Fn&& fn) {
  [&]<size_t... I>(std::index_sequence<I...>) {
    (fn(std::type_identity<std::tuple_element_t<I, FrameKinds>>{}), ...);
  }
  (std::make_index_sequence<std::tuple_size_v<FrameKinds>>{});
}

/// The header of whichever frame `frame` holds.
inline const FrameHeader& headerOf(const AnyFrame& frame) {
  return std::visit([](const auto& f) -> const FrameHeader& { return f.header; }, frame);
}

}  // namespace ganscope
