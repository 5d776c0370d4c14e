-- Socket.IO's Postgres adapter (@socket.io/postgres-adapter): a message over NOTIFY's
-- 8,000-byte limit travels as a row here and its id in the NOTIFY; the adapter deletes
-- rows older than 30 s. Used when there is no Redis (docs/operations.md, "Processes").
CREATE TABLE "socket_io_attachments" (
    "id" BIGSERIAL NOT NULL,
    "created_at" TIMESTAMPTZ(6) DEFAULT CURRENT_TIMESTAMP,
    "payload" BYTEA,

    CONSTRAINT "socket_io_attachments_pkey" PRIMARY KEY ("id")
);
