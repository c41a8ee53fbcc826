#!/usr/bin/python3
# Asks the kiosk's window to close as a window manager does when someone clicks its close button or
# presses Alt+F4: a WM_PROTOCOLS client message with WM_DELETE_WINDOW (ICCCM 4.2.8.1), sent to every
# window named "Familienkiosk…" on $DISPLAY. Xvfb has no window manager, and xdotool cannot send it.
# Exit status 1 when there is no such window. (python3-xlib)
import sys

from Xlib import X, display, protocol

screen = display.Display()
protocols = screen.intern_atom("WM_PROTOCOLS")
delete = screen.intern_atom("WM_DELETE_WINDOW")


def windows(window):
    yield window
    for child in window.query_tree().children:
        yield from windows(child)


sent = 0
for window in windows(screen.screen().root):
    name = window.get_wm_name()
    if isinstance(name, bytes):
        name = name.decode("utf-8", "replace")
    if not name or not name.startswith("Familienkiosk"):
        continue
    event = protocol.event.ClientMessage(window=window, client_type=protocols, data=(32, [delete, X.CurrentTime, 0, 0, 0]))
    window.send_event(event, event_mask=X.NoEventMask)
    sent += 1
screen.sync()
print(f"close requests sent: {sent}")
sys.exit(0 if sent else 1)
