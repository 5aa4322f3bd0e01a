/** Invented words for realistic surrogates (not real people or places); written for Vitalis. */
export const SURROGATE_GIVEN =
  `Arlo Bryn Cato Della Eamon Fenna Gideon Halle Ivo Juna Kellan Liesl Marek Nola Orrin Petra Quill Rhea
  Soren Talia Ulric Vesna Wren Xavi Yara Zeno Ansel Bettina Caspian Dorit Elio Freya Gunnar Hester Idris Jolie Kaius
  Lorna Milo Nerys Otto Perrin Rosalind Silas Tamsin Uma Viggo Wilda`.split(/\s+/);
export const SURROGATE_FAMILY =
  `Ashcombe Brightwater Corrow Dunmore Elsworth Fallowby Greyling Harrowgate Ivesby Jessop Kettering
  Larkspur Merriweather Northam Oakhurst Penhallow Quarrington Redfern Saltmarsh Thistlewood Underhill Vantongeren
  Whitlock Yarborough Zellner Amberley Blackwood Calloway Derwent Everleigh Fenwick Glenister Holloway Inchbald
  Jellicoe Kingsland Lockwood Marchbank Netherby Ormsby Pendlebury Rowntree Stanwick Trelawney Upton Waverley`.split(
    /\s+/,
  );
export const SURROGATE_PLACES = [
  'Alderbrook',
  'Birchfield',
  'Copperton',
  'Deerhaven',
  'Elmstead',
  'Foxmoor',
  'Glenhollow',
  'Hazelton',
  'Ivybridge',
  'Juniper Falls',
  'Kestrel Point',
  'Larchmont',
  'Meadowvale',
  'Northbrook',
  'Oakridge',
  'Pinecrest',
  'Quailwood',
  'Ravensworth',
  'Silverlake',
  'Thornbury',
];
export const SURROGATE_STREETS = [
  'Larch',
  'Willowmere',
  'Copper Beech',
  'Heron',
  'Tamarack',
  'Bluebell',
  'Foxglove',
  'Juniper',
  'Sandpiper',
  'Kestrel',
];
export const STREET_SUFFIXES = ['Street', 'Avenue', 'Lane', 'Road', 'Drive', 'Court'];
export const SURROGATE_STATES = ['OH', 'KS', 'NE', 'IA', 'MO', 'IN', 'KY', 'TN', 'OR', 'ID'];
