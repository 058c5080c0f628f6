-- Every alliance read lists its parties in their given order; this index avoids a sort per read.
CREATE INDEX alliance_parties_in_order ON alliance_parties (alliance_id, position);
