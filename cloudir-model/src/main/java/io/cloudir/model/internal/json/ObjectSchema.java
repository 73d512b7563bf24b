package io.cloudir.model.internal.json;

import java.util.Objects;

/**
 * The member names of one JSON record format that are indexed when a record is read: the
 * top-level names, and for one top-level member holding an object (such as WAF's {@code
 * httpRequest} or Resolver's {@code srcids}) the names of that object's members.
 *
 * <p>Slots: top-level name {@code i} is slot {@code i}; nested name {@code j} is slot {@code
 * top.length + j}. At most 64 slots.
 *
 * <p>Rows (optional): one slot holding an array of objects (such as WAF's {@code
 * httpRequest.headers}) whose elements' members named by {@code rowNames} are located during the
 * validating pass too, so that accessors never walk the array again (see {@link
 * ObjectIndexer#rowCount()}).
 *
 * <p>Immutable and thread-safe.
 */
public final class ObjectSchema {
  final String[] top;
  final ByteNames topNames;
  final int nestedField;
  final String[] nested;
  final ByteNames nestedNames;
  final int rowsSlot;
  final byte[][] rowNames;

  /**
   * A schema.
   *
   * @param top the top-level member names
   * @param nestedField the index in {@code top} of the member whose object members are indexed
   *     too, or -1
   * @param nested the names of that object's members
   */
  public ObjectSchema(String[] top, int nestedField, String[] nested) {
    this(top, nestedField, nested, -1, new String[0]);
  }

  /**
   * A schema whose slot {@code rowsSlot}, when it holds an array, has the members {@code rowNames}
   * of each of its object elements located (raw names, without escapes; the last non-null
   * occurrence in an element wins).
   *
   * @param top the top-level member names
   * @param nestedField the index in {@code top} of the member whose object members are indexed
   *     too, or -1
   * @param nested the names of that object's members
   * @param rowsSlot the slot holding the array of rows, or -1
   * @param rowNames the member names located in each row (at most 8)
   */
  public ObjectSchema(String[] top, int nestedField, String[] nested, int rowsSlot, String[] rowNames) {
    if (top.length + nested.length > 64) {
      throw new IllegalArgumentException("at most 64 indexed names");
    }
    if (nestedField >= top.length || (nestedField < 0 && nested.length > 0)) {
      throw new IllegalArgumentException("nestedField out of range");
    }
    this.top = top.clone();
    this.topNames = new ByteNames(top);
    this.nestedField = nestedField;
    this.nested = nested.clone();
    this.nestedNames = new ByteNames(nested);
    if (rowsSlot < -1 || rowsSlot >= slots() || rowNames.length > 8 || (rowsSlot >= 0) != (rowNames.length > 0)) {
      throw new IllegalArgumentException("rowsSlot out of range or rowNames missing");
    }
    this.rowsSlot = rowsSlot;
    this.rowNames = new byte[rowNames.length][];
    for (int i = 0; i < rowNames.length; i++) {
      this.rowNames[i] = rowNames[i].getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  /** The slot whose array elements are located as rows, or -1. */
  public int rowsSlot() {
    return rowsSlot;
  }

  /** The number of member names located in each row. */
  public int rowWidth() {
    return rowNames.length;
  }

  /** The number of slots (top-level plus nested names). */
  public int slots() {
    return top.length + nested.length;
  }

  /** The number of top-level names. */
  public int topCount() {
    return top.length;
  }

  /** The JSON name of a slot ({@code parent.name} for nested slots). */
  public String name(int slot) {
    Objects.checkIndex(slot, slots());
    return slot < top.length ? top[slot] : top[nestedField] + "." + nested[slot - top.length];
  }

  /** The slot of a top-level name, or -1. */
  public int topSlot(String name) {
    for (int i = 0; i < top.length; i++) {
      if (top[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
