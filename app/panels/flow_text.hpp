// Headline items and checkboxes flowed as many to a line as fit, an item wider than a line
// wrapped; and how many lines they take, so a layout can reserve their height beforehand.
#pragma once
#include <span>
#include <string>

namespace ganscope {

/// The horizontal space between flowed items.
float flowSpacing();
/// Starts the next item beside the previous one when `width` more pixels fit on the line.
void flow(float width, bool first);
/// How many lines items `widths` wide take when flowed as flow() does into lines `line_w` wide
/// (an item wider than a line wraps over as many as it needs).
int flowLines(std::span<const float> widths, float line_w);
/// `items` as text, flowed; an item wider than a line wraps at its spaces.
void flowTexts(std::span<const std::string> items);

}  // namespace ganscope
