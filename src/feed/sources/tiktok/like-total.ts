/**
 * Counts likes from the room's running `total`, as DESIGN.md asks: TikTok batches like events and the
 * per-user counts undercount, but every like message carries the room's total so far.
 *
 * Rules:
 * - likes counted = increases of the highest total seen in the current room (a running maximum);
 *   a stale, lower total (a late batch, a lagging server) never subtracts and never counts;
 * - a total of 0 is ignored: proto3 sends 0 when the field is absent, and a real room at 0 has nothing to add;
 * - the first room this process joins: its first total is a baseline, not counted. Likes made before we
 *   listened may already have been counted by an earlier run of the feed (whose totals the store keeps),
 *   so we never count what we did not see rise;
 * - reconnecting to the same room: the maximum carries over, so likes made while we were away are
 *   counted from the first total after the reconnect (the total kept rising without us);
 * - a different room after one we watched (the LIVE ended and a new one began: TikTok gives every LIVE
 *   its own room id): counted from 0, since every like in it came after the room we watched.
 *   An unknown room id (null) is taken as the same room, and so is the first id learnt after an unknown
 *   one: the cautious reading, which can undercount a little but never counts a like twice;
 * - a room whose highest counted total the store kept (`counted`: a feed restarted in the middle of a
 *   LIVE) goes on from that total: the likes made while the feed was down count once, at the next total.
 */
export class LikeTotal {
  /** `counted(roomId)`: the highest total of that room an earlier run counted up to, if the store knows it. */
  constructor(private readonly counted: (roomId: string) => number | undefined = () => undefined) {}

  private roomId: string | null = null;
  private joinedAnyRoom = false;
  /** Highest total seen in the current room; null until the baseline is taken. */
  private highest: number | null = null;

  get currentRoomId(): string | null {
    return this.roomId;
  }

  /** The highest like total seen in the current room, or null before its first. */
  get highestTotal(): number | null {
    return this.highest;
  }

  enterRoom(roomId: string | null): void {
    const kept = roomId === null ? undefined : this.counted(roomId);
    if (kept !== undefined && roomId !== this.roomId) {
      // Totals seen while the room id was still unknown were this room's too.
      this.highest = this.roomId === null && this.highest !== null ? Math.max(kept, this.highest) : kept;
      this.joinedAnyRoom = true;
      this.roomId = roomId;
      return;
    }
    if (!this.joinedAnyRoom) {
      this.joinedAnyRoom = true;
      this.roomId = roomId;
      this.highest = null;
      return;
    }
    if (roomId === null || roomId === this.roomId) return;
    const roomWasUnknown = this.roomId === null;
    this.roomId = roomId;
    // Learning the id of a room we were already in is not a new room.
    if (roomWasUnknown) return;
    this.highest = 0;
  }

  /** Takes a room total; returns the likes it adds (0 for a baseline, a repeat or a stale value). */
  observe(total: number): number {
    if (total <= 0) return 0;
    if (this.highest === null) {
      this.highest = total;
      return 0;
    }
    if (total <= this.highest) return 0;
    const added = total - this.highest;
    this.highest = total;
    return added;
  }
}
