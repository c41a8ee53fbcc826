#!/usr/bin/env bash
# Draws the sample's pictures of good practice (simple flat illustrations, no photos, no people's
# likeness) with ImageMagick; made for this project and given to the public domain (CC0 1.0).
# Run from anywhere: scripts write next to this file. The committed files are its output.
set -euo pipefail
cd "$(dirname "$0")"
export MAGICK_THREAD_LIMIT=1
common=(-depth 8 -strip -define png:exclude-chunks=date,time)

# Welcome visits: a house under a sun on a green hill.
convert -size 480x360 xc:'#8ecae6' \
  -fill '#52b788' -draw 'rectangle 0,250 480,360' -draw 'ellipse 240,260 300,40 180,360' \
  -fill '#ffd166' -draw 'circle 400,70 440,70' \
  -fill '#f4a261' -draw 'rectangle 150,170 330,290' \
  -fill '#e63946' -draw 'polygon 130,175 240,95 350,175' \
  -fill '#6d4c41' -draw 'rectangle 220,220 260,290' \
  -fill '#fefae0' -draw 'rectangle 170,195 205,225' -draw 'rectangle 280,195 315,225' \
  "${common[@]}" willkommensbesuche.png

# Reading mentors: an open book with lines of text on a warm background (a JPEG, the other format).
convert -size 480x360 xc:'#ffe8d6' \
  -fill '#1d3557' -draw 'polygon 60,90 240,110 420,90 420,290 240,310 60,290' \
  -fill '#ffffff' -draw 'polygon 75,100 235,118 235,295 75,278' -draw 'polygon 245,118 405,100 405,278 245,295' \
  -stroke '#a8dadc' -strokewidth 6 \
  -draw 'line 95,140 215,152' -draw 'line 95,170 215,182' -draw 'line 95,200 215,212' -draw 'line 95,230 190,240' \
  -draw 'line 265,152 385,140' -draw 'line 265,182 385,170' -draw 'line 265,212 385,200' -draw 'line 265,242 360,232' \
  -quality 85 -sampling-factor 2x2 -strip lesepaten.jpg

# Into day care: a bridge over water towards a small house with a yellow door.
convert -size 480x360 xc:'#cdeac0' \
  -fill '#457b9d' -draw 'rectangle 0,250 480,360' \
  -fill none -stroke '#bc6c25' -strokewidth 14 -draw "path 'M 40,440 Q 240,60 440,440'" -stroke none \
  -fill '#bc6c25' -draw 'rectangle 20,200 460,225' \
  -fill '#e9c46a' -draw 'rectangle 360,110 450,200' -fill '#2a9d8f' -draw 'polygon 350,115 405,65 460,115' \
  -fill '#ffb703' -draw 'rectangle 392,150 418,200' \
  "${common[@]}" kita-einstieg.png
