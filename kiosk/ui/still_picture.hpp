// Parts of a screen that look the same from one frame to the next (the search's keyboard, the
// bar at the bottom), shown from a picture the GL drew of them once.
//
// Why: on a software GL (Mesa's llvmpipe, the kiosk PC without a graphics chip) most of a frame's
// time goes to rasterising rounded, smoothed outlines; the search screen's fifty keys cost more than
// half of it. What is drawn between beginStillPicture and endStillPicture is recorded each frame as
// ever (ImGui lays it out and takes its taps), and compared with the frame before: when it is the
// same, the GL copies the picture it drew of it (a copy of whole rows, see DrawnTexture::show); when
// it changed, it is drawn directly, as without a picture, until it stays the same again. So a
// family typing, which changes the results and the field, but not the keys, gets the keys from the
// picture; a key held down is drawn over the picture (liveDrawList).
//
// A picture replaces every pixel of its rectangle, so it holds what lies under it too: what its
// window drew before it and, for a child window, its parent's drawing there (ImGui draws a child's
// scroll bar into its parent's list), compared frame by frame with the rest. Over another picture
// (the map, another still picture) it is drawn directly. Windows other than its own and its
// parent must not draw under it (none in the kiosk does). Pixels are the same either way
// (tests/e2e/still_pictures.sh compares screenshots). Setting KIOSK_DRAW_DIRECT=1 in the
// environment turns pictures off, to compare or to rule them out.
#pragma once

#include <imgui.h>

namespace kiosk::ui {

// From here on the current window's drawing goes into the still picture named `id` (unique in
// the window), which stands on the opaque `background` (the colour under it on screen: the
// picture's smoothed edges are blended with it). Nested pictures, and pictures inside a table's
// columns, are drawn directly.
void beginStillPicture(const char* id, ImU32 background);
// Ends it: the picture, or what was drawn, goes where it was drawn, under anything drawn on
// liveDrawList() meanwhile and under what comes after.
void endStillPicture();
// Inside a still picture (in the window it began in; another window begun inside it, such as a
// child, draws as usual): the window's own draw list, drawn over the picture (for a key held
// down: drawn in its usual look into the picture, and held on top). Outside: the window's.
ImDrawList& liveDrawList();
bool inStillPicture();
// Lets go of every picture and what was recorded for it (at an idle reset); the texture they are
// drawn into (one, the size of the screen) is kept for the next.
void forgetStillPictures();
// forgetStillPictures, and the texture too: before the GL context goes.
void releaseStillPictures();

}  // namespace kiosk::ui
