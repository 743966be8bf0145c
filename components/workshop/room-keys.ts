/** This browser remembers the room it joined, so pages know to load the room bar (the server stays the judge). */
export const JOINED_ROOM_KEY = 'mcp-dojo:room:v1';
