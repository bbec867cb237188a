-- Where within its channel a report came from, for counting by channel: the grid whose printed QR code opened the
-- resident page (grid:610104007001001), the Open311 app that sent it (app:city-app). Null when the channel says all.
ALTER TABLE case_record ADD COLUMN channel_source VARCHAR(64);
